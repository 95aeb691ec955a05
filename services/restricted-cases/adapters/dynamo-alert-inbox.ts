import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AccessAlert } from '../domain/alerts.ts';
import type { AlertInbox } from '../domain/ports.ts';

/** PSD's alerts inbox: one partition, newest first by time then id; one item per alert id. */
const partition = 'ALERTS';

export const dynamoAlertInbox = (client: DynamoDBDocumentClient, tableName: string): AlertInbox => ({
  add: async (alert) => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: partition, sk: `${alert.at}#${alert.id}`, record: AccessAlert.parse(alert) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
  recent: async (limit) => {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => AccessAlert.parse(item.record));
  },
});
