package com.adfops.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A POST written by hand on a socket, for bodies no client library would build: {@code bytes} of filler sent with a
 * {@code Content-Length} or chunked, while the answer is read; it stops sending as soon as the server answers or closes.
 */
final class RawPost {

    /** What came back and how much of the body had gone out by then. */
    record Result(int status, long sentBeforeAnswer) {
    }

    private RawPost() {
    }

    static Result send(int port, String path, long bytes, boolean chunked) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            AtomicLong atAnswer = new AtomicLong(-1);
            Thread writer = new Thread(() -> {
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                block[0] = '[';
                try {
                    while (sent.get() < bytes && atAnswer.get() < 0) {
                        int n = (int) Math.min(block.length, bytes - sent.get());
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(block, 0, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(n);
                    }
                } catch (IOException closed) {
                    // The server answered and closed the connection: what we wanted.
                }
            });
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            atAnswer.set(sent.get());
            writer.join(10_000);
            String[] parts = statusLine.toString().trim().split(" ");
            return new Result(parts.length > 1 ? Integer.parseInt(parts[1]) : -1, atAnswer.get());
        }
    }
}
