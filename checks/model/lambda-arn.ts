// The function name inside a Lambda function ARN: arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER].
// Shared by the Terraform readers (a literal ARN) and the live mappers (the API returns ARNs).

const FUNCTION_ARN = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/;

/** The function name of a Lambda ARN, the text itself when it is a bare name, undefined for anything else. */
export function lambdaFunctionName(text: string): string | undefined {
  const match = FUNCTION_ARN.exec(text);
  if (match) return match[1];
  return text.startsWith("arn:") || text.length === 0 ? undefined : text;
}
