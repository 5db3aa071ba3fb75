// The project's tests, run against the database initsteps migrated (DATABASE_URL, set by the
// workflow from the action's `services` output).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import process from 'node:process';
import pg from 'pg';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
before(() => client.connect());
after(() => client.end());

test('every migration is applied, in order', async () => {
  const { rows } = await client.query('SELECT name FROM pgmigrations ORDER BY run_on, id');
  assert.deepEqual(
    rows.map((r) => r.name),
    ['1735689600000_customers', '1735776000000_orders'],
  );
});

test('an order has a positive amount', async () => {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query(
      "INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.com') RETURNING id",
    );
    const order = 'INSERT INTO orders (customer_id, amount_cents) VALUES ($1, $2)';
    await client.query(order, [rows[0].id, 1200]);
    await assert.rejects(client.query(order, [rows[0].id, 0]), { code: '23514' }); // check_violation
  } finally {
    await client.query('ROLLBACK');
  }
});

test('an order belongs to an existing customer', async () => {
  await assert.rejects(
    client.query('INSERT INTO orders (customer_id, amount_cents) VALUES (-1, 100)'),
    { code: '23503' }, // foreign_key_violation
  );
});
