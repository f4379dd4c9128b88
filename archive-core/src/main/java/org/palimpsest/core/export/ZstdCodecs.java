package org.palimpsest.core.export;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression with zstd (zstd-jni, which parquet-java already depends on) and without Hadoop: parquet's
 * own codec factory builds a Hadoop configuration to find its codecs. Writing only; level 3, zstd's default.
 */
final class ZstdCodecs implements CompressionCodecFactory {
    static final int LEVEL = 3;

    private static final BytesInputCompressor ZSTD = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {
        }
    };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("only zstd is configured for Parquet exports, not " + codec);
        }
        return ZSTD;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(Zstd.decompress(bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                throw new UnsupportedOperationException("Parquet exports only write");
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }
}
