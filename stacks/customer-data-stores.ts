// The customer data the identity pool hands out AWS credentials for: an S3 bucket of profile
// pictures (one "private/<identity id>/" prefix per identity, a public catalog prefix) and a
// DynamoDB wishlist table partitioned by identity id.
import { Construct } from "constructs";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table/index.js";

export interface CustomerDataStoresProps {
  readonly bucketName: string;
  readonly tableName: string;
  readonly tags: Readonly<Record<string, string>>;
}

export class CustomerDataStores extends Construct {
  readonly bucket: S3Bucket;
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: CustomerDataStoresProps) {
    super(scope, id);

    this.bucket = new S3Bucket(this, "ProfilePictures", {
      bucket: props.bucketName,
      tags: { ...props.tags, "data-classification": "customer-content" },
    });
    new S3BucketPublicAccessBlock(this, "ProfilePicturesPublicAccess", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    // Partition key = Cognito identity id, so dynamodb:LeadingKeys can pin each identity to its items.
    this.table = new DynamodbTable(this, "Wishlists", {
      name: props.tableName,
      billingMode: "PAY_PER_REQUEST",
      hashKey: "identityId",
      rangeKey: "productId",
      attribute: [
        { name: "identityId", type: "S" },
        { name: "productId", type: "S" },
      ],
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true },
      tags: props.tags,
    });
  }
}
