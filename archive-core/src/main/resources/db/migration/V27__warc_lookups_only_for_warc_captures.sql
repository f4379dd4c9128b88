-- The indexes a WARC import finds a revisit's original by (its record id, its payload digest) hold only captures
-- that came from a WARC record: every other capture had an entry under null in each, two index insertions per capture
-- that no look-up ever reads (the importer's look-ups are equalities, which imply "is not null").
drop index capture_warc_record;
create index capture_warc_record on capture ((origin -> 'warc' ->> 'recordId'))
    where (origin -> 'warc' ->> 'recordId') is not null;
drop index capture_warc_payload;
create index capture_warc_payload on capture ((origin -> 'warc' ->> 'payloadSha1'))
    where (origin -> 'warc' ->> 'payloadSha1') is not null;
