// The bucket inside an S3 bucket ARN: arn:aws:s3:::NAME (no Region or account; bucket names hold no
// ":" or "/"). Shared by the Terraform log-target reader (a literal ARN) and the live log-bucket reads.

const BUCKET_ARN = /^arn:aws[\w-]*:s3:::([^/:]+)$/;

/** The bucket an S3 bucket ARN names; undefined for anything else (an object ARN included). */
export function bucketOfArn(arn: string): string | undefined {
  return BUCKET_ARN.exec(arn)?.[1];
}
