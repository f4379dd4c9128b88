// Reads a WARC file with warcio (an implementation independent of jwarc) and prints, per record, its type,
// version, target, WARC-Refers-To, payload digest and the SHA-256 of its content block, as JSON.
import { WARCParser } from 'warcio';
import fs from 'node:fs';
import crypto from 'node:crypto';
const parser = new WARCParser(fs.createReadStream(process.argv[2]));
const out = [];
for await (const record of parser) {
  const body = await record.readFully(false);
  out.push({ type: record.warcType, id: record.warcHeader('WARC-Record-ID'), version: record.warcHeaders.protocol,
             target: record.warcTargetURI || null, refersTo: record.warcHeader('WARC-Refers-To') || null,
             payloadDigest: record.warcPayloadDigest || null,
             sha256: crypto.createHash('sha256').update(body).digest('hex') });
}
console.log(JSON.stringify(out));
