// Orders belong to a customer; an amount is a positive number of cents.

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.createTable('orders', {
    id: 'id',
    customer_id: { type: 'integer', notNull: true, references: 'customers', onDelete: 'CASCADE' },
    amount_cents: { type: 'integer', notNull: true, check: 'amount_cents > 0' },
  });
  pgm.createIndex('orders', 'customer_id');
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.dropTable('orders');
};
