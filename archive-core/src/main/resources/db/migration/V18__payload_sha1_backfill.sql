-- The captures still without a payload digest (stored before V15), which PayloadDigests fills in the background; the
-- index is empty once they are filled, so the check at each start costs nothing.
create index capture_without_payload_sha1 on capture (id) where payload_sha1 is null;
