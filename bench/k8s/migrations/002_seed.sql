INSERT INTO messages (body) SELECT 'hello from a Kubernetes Job' WHERE NOT EXISTS (SELECT 1 FROM messages);
