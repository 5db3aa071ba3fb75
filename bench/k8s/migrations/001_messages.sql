CREATE TABLE IF NOT EXISTS messages (id serial PRIMARY KEY, body text NOT NULL);
