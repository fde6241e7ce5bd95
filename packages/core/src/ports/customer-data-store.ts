/**
 * The customer data port: a customer's personal data (name, email, phone…), kept apart from
 * the ledger so that erasing it leaves every hash chain verifiable.
 */

/** One piece of personal data, and why it is held. */
export interface CustomerDataItem {
  /** What it is, e.g. `email`; one value per customer and field. */
  readonly field: string;
  readonly value: string;
  /** Why it is held, as shown to the customer. */
  readonly purpose?: string;
  /** When it was collected, epoch ms. */
  readonly at: number;
}

/** Personal data by customer. */
export interface CustomerDataStore {
  /** Stores items for a customer, replacing any earlier value of the same field. */
  putCustomerData(customer: string, items: readonly CustomerDataItem[]): Promise<void>;
  /** Everything held about a customer, by field name. */
  getCustomerData(customer: string): Promise<readonly CustomerDataItem[]>;
  /** Deletes everything held about a customer; resolves to how many items were erased. */
  eraseCustomerData(customer: string): Promise<number>;
  /**
   * After an erasure: leaves nothing erased to be read back from the database's own files,
   * where the database allows it (SQLite zeroes freed space and truncates its write-ahead log).
   * Optional: PostgreSQL keeps dead rows until VACUUM, which is the operator's.
   */
  scrubErased?(): Promise<void>;
}
