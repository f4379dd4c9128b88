package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.palimpsest.core.digest.HashingOutputStream;

/**
 * Parquet: one file, typed columns (ids and digests as strings, instants as UTC timestamps in microseconds, a
 * version's captures as a list of structs), written by the reference Java implementation (parquet-java) without a
 * Hadoop runtime: output through {@link OutputFile}, configuration through {@link PlainParquetConfiguration}, and
 * pages compressed with zstd by {@link ZstdCodecs} (Parquet's own codec factory would load Hadoop's). Memory holds
 * one row group ({@link #ROW_GROUP_BYTES}) while it fills; the file streams out group by group, its footer last.
 */
@ApplicationScoped
public class ParquetExporter implements ExportWriter {
    /** A row group's size: what a writer buffers, and what a reader streams at a time. */
    static final long ROW_GROUP_BYTES = 16L * 1024 * 1024;
    static final int PAGE_BYTES = 1024 * 1024;

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message palimpsest_export {
              required binary articleId (STRING);
              required binary versionId (STRING);
              required int32 versionNumber;
              required binary contentSha256 (STRING);
              optional binary headline (STRING);
              optional binary text (STRING);
              required binary source (STRING);
              optional binary url (STRING);
              optional binary canonicalUrl (STRING);
              required int64 validFrom (TIMESTAMP(MICROS,true));
              optional int64 validTo (TIMESTAMP(MICROS,true));
              required group captures (LIST) {
                repeated group list {
                  required group element {
                    required binary captureId (STRING);
                    required int64 capturedAt (TIMESTAMP(MICROS,true));
                    required binary rawSha256 (STRING);
                    optional binary normaliserVersion (STRING);
                    optional int32 templateVersion;
                  }
                }
              }
            }
            """);

    @Override
    public ExportFormat format() {
        return ExportFormat.PARQUET;
    }

    @Override
    public Records open(ExportQuery query, OutputStream out) throws IOException {
        HashingOutputStream payload = new HashingOutputStream(out);
        ParquetWriter<Group> writer = ExampleParquetWriter.builder(streaming(payload))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCodecFactory(new ZstdCodecs())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        return new Records() {
            @Override
            public void write(ExportRecord record) throws IOException {
                writer.write(row(groups, record));
            }

            @Override
            public ExportManifest finish(ExportEnd end) throws IOException {
                writer.close(); // writes the last row group and the footer
                out.flush();
                return end.manifest(format(), payload.hex());
            }
        };
    }

    static Group row(SimpleGroupFactory groups, ExportRecord r) {
        Group row = groups.newGroup()
                .append("articleId", r.articleId())
                .append("versionId", r.versionId())
                .append("versionNumber", r.versionNumber())
                .append("contentSha256", r.contentSha256());
        optional(row, "headline", r.headline());
        optional(row, "text", r.text());
        row.append("source", r.source());
        optional(row, "url", r.url());
        optional(row, "canonicalUrl", r.canonicalUrl());
        row.append("validFrom", micros(r.validFrom()));
        if (r.validTo() != null) {
            row.append("validTo", micros(r.validTo()));
        }
        Group list = row.addGroup("captures");
        for (ExportRecord.Capture c : r.captures()) {
            Group element = list.addGroup("list").addGroup("element")
                    .append("captureId", c.captureId())
                    .append("capturedAt", micros(c.capturedAt()))
                    .append("rawSha256", c.rawSha256());
            optional(element, "normaliserVersion", c.normaliserVersion());
            if (c.templateVersion() != null) {
                element.append("templateVersion", c.templateVersion());
            }
        }
        return row;
    }

    private static void optional(Group group, String field, String value) {
        if (value != null) {
            group.append(field, value);
        }
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** The response as Parquet's output: a stream that counts its position (Parquet writes strictly forward). */
    static OutputFile streaming(OutputStream out) {
        return new OutputFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) {
                return new PositionOutputStream() {
                    private long position;

                    @Override
                    public long getPos() {
                        return position;
                    }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        position++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        position += len;
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush(); // the response is closed by its owner, after the manifest is kept
                    }
                };
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) {
                return create(blockSizeHint);
            }

            @Override
            public boolean supportsBlockSize() {
                return false;
            }

            @Override
            public long defaultBlockSize() {
                return 0;
            }
        };
    }
}
