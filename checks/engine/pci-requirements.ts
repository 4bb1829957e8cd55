// The PCI DSS v4.0.1 requirements the rule catalog cites, as data: each requirement's statement,
// quoted from the standard (shortened where marked with an ellipsis), and, for a requirement that
// rules only support, what the assessor must verify by other means. The reports quote these texts;
// nothing else keeps a copy.

export interface PciRequirement {
  /** Quoted from PCI DSS v4.0.1; "..." marks where the statement was shortened. */
  readonly text: string;
  /** What to verify by hand when no automated result can show the requirement is met (supports only). */
  readonly verifyByHand?: string;
}

/** Principal requirements, with their v4.0.1 titles. */
export const PRINCIPALS: Readonly<Record<string, string>> = {
  "1": "Install and Maintain Network Security Controls",
  "2": "Apply Secure Configurations to All System Components",
  "3": "Protect Stored Account Data",
  "4": "Protect Cardholder Data with Strong Cryptography During Transmission Over Open, Public Networks",
  "5": "Protect All Systems and Networks from Malicious Software",
  "6": "Develop and Maintain Secure Systems and Software",
  "7": "Restrict Access to System Components and Cardholder Data by Business Need to Know",
  "8": "Identify Users and Authenticate Access to System Components",
  "9": "Restrict Physical Access to Cardholder Data",
  "10": "Log and Monitor All Access to System Components and Cardholder Data",
  "11": "Test Security of Systems and Networks Regularly",
  "12": "Support Information Security with Organizational Policies and Programs",
};

export const PCI_REQUIREMENTS: Readonly<Record<string, PciRequirement>> = {
  "3.2.1": {
    text: "Account data storage is kept to a minimum through implementation of data retention and disposal policies, procedures, and processes ...",
  },
  "3.3.1": { text: "SAD is not retained after authorization, even if encrypted." },
  "3.5.1": { text: "PAN is rendered unreadable anywhere it is stored by using any of the following approaches: ..." },
  "6.4.2": {
    text: "For public-facing web applications, an automated technical solution is deployed that continually detects and prevents web-based attacks ...",
  },
  "7.2.1": {
    text: "An access control model is defined and includes granting access as follows: Appropriate access depending on the entity's business and access needs. Access to system components and data resources that is based on users' job classification and functions. The least privileges required ... to perform a job function.",
    verifyByHand:
      "Examine the access control model: each role and group grants access by business need and job function, with the least privileges required.",
  },
  "7.2.2": {
    text: "Access is assigned to users, including privileged users, based on: Job classification and function. Least privileges necessary to perform job responsibilities.",
  },
  "7.2.5": {
    text: "All application and system accounts and related access privileges are assigned and managed as follows: Based on the least privileges necessary for the operability of the system or application. Access is limited to the systems, applications, or processes that specifically require their use.",
    verifyByHand:
      "Examine the privileges of each application and system account (machine-to-machine clients, identity-pool roles): only what its application needs.",
  },
  "7.3.3": { text: 'The access control system(s) is set to "deny all" by default.' },
  "8.2.4": {
    text: "Addition, deletion, and modification of user IDs, authentication factors, and other identifier objects are managed as follows: Authorized with the appropriate approval. Implemented with only the privileges specified on the documented approval.",
  },
  "8.2.5": {
    text: "Access for terminated users is immediately revoked.",
    verifyByHand:
      "Verify that the leaver process disables or deletes a terminated user at once (AdminDisableUser or AdminDeleteUser, with AdminUserGlobalSignOut): token revocation only makes that effective.",
  },
  "8.2.8": {
    text: "If a user session has been idle for more than 15 minutes, the user is required to re-authenticate to re-activate the terminal or session.",
    verifyByHand:
      "Verify the application's 15-minute idle timeout: after 15 idle minutes the application requires the user to sign in again. The timeout lives in the application; token and session lifetimes only bound it.",
  },
  "8.3.2": {
    text: "Strong cryptography is used to render all authentication factors unreadable during transmission and storage on all system components.",
    verifyByHand:
      "Verify that every channel carrying an authentication factor (sign-in pages, federation endpoints, redirects) uses strong cryptography and that no factor is stored readable.",
  },
  "8.3.3": { text: "User identity is verified before modifying any authentication factor." },
  "8.3.4": {
    text: "Invalid authentication attempts are limited by: Locking out the user ID after not more than 10 attempts. Setting the lockout duration to a minimum of 30 minutes or until the user's identity is confirmed.",
    verifyByHand:
      "Verify that a user ID is locked for at least 30 minutes after at most 10 failed attempts: Cognito's own lockout (about 15 minutes at most) does not meet it, so a pre-authentication trigger or another control must.",
  },
  "8.3.5": {
    text: "If passwords/passphrases are used as authentication factors to meet Requirement 8.3.1, they are set and reset for each user as follows: Set to a unique value for first-time use and upon reset. Forced to be changed immediately after the first use.",
    verifyByHand:
      "Verify that the administrators' process sets a unique temporary password per user and per reset, and that users must change it at first sign-in (FORCE_CHANGE_PASSWORD).",
  },
  "8.3.6": {
    text: "If passwords/passphrases are used as authentication factors to meet Requirement 8.3.1, they meet the following minimum level of complexity: A minimum length of 12 characters (or IF the system does not support 12 characters, a minimum length of eight characters). Contain both numeric and alphabetic characters.",
  },
  "8.3.7": {
    text: "Individuals are not allowed to submit a new password/passphrase that is the same as any of the last four passwords/passphrases used.",
  },
  "8.3.9": {
    text: "If passwords/passphrases are used as the only authentication factor for user access (i.e., in any single-factor authentication implementation) then either: Passwords/passphrases are changed at least once every 90 days, OR The security posture of accounts is dynamically analyzed, and real-time access to resources is automatically determined accordingly.",
    verifyByHand:
      "Verify that accounts that sign in with a password alone either change it every 90 days or are analysed dynamically, with access decided in real time (threat protection ENFORCED acting on risk).",
  },
  "8.3.10.1": {
    text: "Additional requirement for service providers only: If passwords/passphrases are used as the only authentication factor for customer user access ... then either: Passwords/passphrases are changed at least once every 90 days, OR The security posture of accounts is dynamically analyzed, and real-time access to resources is automatically determined accordingly.",
  },
  "8.4.1": {
    text: "MFA is implemented for all non-console access into the CDE for personnel with administrative access.",
  },
  "8.4.2": {
    text: "MFA is implemented for all non-console access into the CDE.",
    verifyByHand:
      "Verify that every non-console access into the CDE requires MFA, or uses only phishing-resistant authentication factors.",
  },
  "8.5.1": {
    text: "MFA systems are implemented as follows: The MFA system is not susceptible to replay attacks. MFA systems cannot be bypassed by any users, including administrative users unless specifically documented, and authorized by management on an exception basis, for a limited time period. At least two different types of authentication factors are used. Success of all authentication factors is required before access is granted.",
    verifyByHand:
      "Verify that the MFA system resists replay, cannot be bypassed (remembered devices included), uses two different factor types and grants access only when every factor succeeds.",
  },
  "8.6.1": {
    text: "If accounts used by systems or applications can be used for interactive login, they are managed as follows: Interactive use is prevented unless needed for an exceptional circumstance. ...",
    verifyByHand:
      "Verify that machine-to-machine clients and other system accounts cannot be used to sign in interactively, or that any such use is exceptional, approved, time-limited and attributable.",
  },
  "8.6.2": {
    text: "Passwords/passphrases for any application and system accounts that can be used for interactive login are not hard coded in scripts, configuration/property files, or bespoke and custom source code.",
  },
  "8.6.3": {
    text: "Passwords/passphrases for any application and system accounts are protected against misuse as follows: Passwords/passphrases are changed periodically (at the frequency defined in the entity's targeted risk analysis ...) and upon suspicion or confirmation of compromise. ...",
  },
  "10.2.1": { text: "Audit logs are enabled and active for all system components and cardholder data." },
  "10.2.1.4": { text: "Audit logs capture all invalid logical access attempts." },
  "10.2.2": {
    text: "Audit logs record the following details for each auditable event: User identification. Type of event. Date and time. Success and failure indication. Origination of event. Identity or name of affected data, system component, resource, or service ...",
  },
  "10.5.1": {
    text: "Retain audit log history for at least 12 months, with at least the most recent three months immediately available for analysis.",
  },
};

/** The text of a requirement, or a plain note for one this catalog does not hold. */
export function requirementText(id: string): string {
  return PCI_REQUIREMENTS[id]?.text ?? "(statement not in this tool's requirement catalogue)";
}

export function compareRequirementIds(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
