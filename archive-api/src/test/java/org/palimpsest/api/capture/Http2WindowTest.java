package org.palimpsest.api.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How far an HTTP/2 client may send a body ahead of the server reading it, read off the wire as a client speaking
 * HTTP/2 over plain TCP (prior knowledge) sees it: a stream 1 MiB, the connection 8 MiB. With HTTP/2's 64 KiB
 * defaults, the unread rest of one batch (its lines wait while the lines before them are stored) stopped every other
 * upload on the same connection.
 */
@QuarkusTest
class Http2WindowTest {
    private static final int SETTINGS = 0x4;
    private static final int PING = 0x6;
    private static final int WINDOW_UPDATE = 0x8;
    private static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
    private static final int DEFAULT_WINDOW = 65_535;

    @Test
    void anHttp2ClientMaySendAMebibyteOfAStreamAndEightOfAConnectionAhead() throws IOException {
        long streamWindow = DEFAULT_WINDOW;
        long connectionWindow = DEFAULT_WINDOW;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, SETTINGS, 0, 0, 0, 0, 0}); // the client's (empty) settings
            out.write(new byte[] {0, 0, 8, PING, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8});
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            // Whatever the server sends on the client's settings comes before its answer to the ping sent after them.
            boolean pinged = false;
            for (int frame = 0; frame < 20 && !pinged; frame++) {
                int length = (in.readUnsignedShort() << 8) | in.readUnsignedByte();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int stream = in.readInt() & 0x7fff_ffff;
                byte[] payload = in.readNBytes(length);
                if (type == PING && (flags & 0x1) != 0) {
                    pinged = true;
                } else if (type == SETTINGS && (flags & 0x1) == 0) { // not an acknowledgement
                    for (int i = 0; i + 6 <= length; i += 6) {
                        int id = ((payload[i] & 0xff) << 8) | (payload[i + 1] & 0xff);
                        long value = ((payload[i + 2] & 0xffL) << 24) | ((payload[i + 3] & 0xff) << 16)
                                | ((payload[i + 4] & 0xff) << 8) | (payload[i + 5] & 0xff);
                        if (id == SETTINGS_INITIAL_WINDOW_SIZE) {
                            streamWindow = value;
                        }
                    }
                } else if (type == WINDOW_UPDATE && stream == 0) {
                    connectionWindow += ((payload[0] & 0x7fL) << 24) | ((payload[1] & 0xff) << 16)
                            | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff);
                }
            }
        }
        assertEquals(1_048_576, streamWindow);
        assertEquals(8_388_608, connectionWindow);
    }
}
