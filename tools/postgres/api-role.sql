-- The API's own role and what it may do: read and write the rows of the tables the schema's owner makes, now and in
-- later migrations (default privileges), and nothing else (no DDL, no superuser). Run by the owner in the API's
-- database; ${api}, ${owner} and ${db} are filled in by bin/postgres and by the tests' Testcontainers branch.
revoke create on schema public from public;
grant connect, temporary on database "${db}" to "${api}";
grant usage on schema public to "${api}";
grant select, insert, update, delete on all tables in schema public to "${api}";
grant usage, select on all sequences in schema public to "${api}";
alter default privileges for role "${owner}" in schema public grant select, insert, update, delete on tables to "${api}";
alter default privileges for role "${owner}" in schema public grant usage, select on sequences to "${api}";
