package io.tenantry.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client's HTTP/1.1 connection to an app, kept alive, as lean as a load generator can be: the
 * request is written as pre-encoded bytes in one write, the response read as bytes up to the end of
 * its body (Content-Length, or chunked), its status returned; nothing is decoded beyond the status
 * line and the headers that frame the body, and the body is kept only when asked for. Benchmarks
 * here share the machine's two cores with the app under test, which production's clients do not:
 * the JDK's HttpClient cost the search benchmark's JVM about as much CPU per search as the app
 * itself (its selector thread, the hand-offs between it and the caller, a String decoded from each
 * body), and every core-millisecond the clients take is queueing the app would not see in
 * production.
 *
 * <p>Not thread-safe: one per client thread. Reconnects when the server closes the connection
 * (after a {@code Connection: close} response, or between requests), never in the middle of one.
 */
public final class KeepAliveConnection implements AutoCloseable {

  private static final byte[] CRLF = {'\r', '\n'};

  private final InetSocketAddress address;
  private final byte[] buffer = new byte[64 * 1024];
  private final ByteArrayOutputStream body;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private final StringBuilder line = new StringBuilder(128);

  /** A connection that drops response bodies. */
  public KeepAliveConnection(String host, int port) {
    this(host, port, false);
  }

  /** A connection that keeps the last response's body for {@link #body()} if {@code keepBody}. */
  public KeepAliveConnection(String host, int port, boolean keepBody) {
    this.address = new InetSocketAddress(host, port);
    this.body = keepBody ? new ByteArrayOutputStream(64 * 1024) : null;
  }

  /**
   * The start of a GET of {@code pathAndQuery} (already percent-encoded): its request line and Host
   * header; {@link #lastHeader} ends it.
   */
  public static byte[] getHead(String host, int port, String pathAndQuery) {
    return requestLine("GET", host, port, pathAndQuery).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The start of a POST of {@code body} to {@code path}: its request line, Host, Content-Type and
   * Content-Length headers; {@link #lastHeader} ends the head and {@code body} follows it.
   */
  public static byte[] postHead(
      String host, int port, String path, String contentType, byte[] body) {
    return (requestLine("POST", host, port, path)
            + "Content-Type: "
            + contentType
            + "\r\nContent-Length: "
            + body.length
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String requestLine(String method, String host, int port, String target) {
    return method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n";
  }

  /** The body of the last response, when this connection keeps bodies. */
  public byte[] body() {
    if (body == null) {
      throw new IllegalStateException("this connection drops response bodies");
    }
    return body.toByteArray();
  }

  /** A request's last header and the empty line after it. */
  public static byte[] lastHeader(String name, String value) {
    return (name + ": " + value + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Writes {@code request} and reads the whole response; returns its status. The request may be
   * given in parts (the request line, the headers, a body), which go out in one write.
   */
  public int exchange(byte[]... request) throws IOException {
    if (socket == null) {
      connect();
    }
    int length = 0;
    for (byte[] part : request) {
      System.arraycopy(part, 0, buffer, length, part.length);
      length += part.length;
    }
    out.write(buffer, 0, length);
    out.flush();
    return readResponse();
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, 10_000);
    socket.setSoTimeout(60_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  private int readResponse() throws IOException {
    if (body != null) {
      body.reset();
    }
    String statusLine = readLine();
    // HTTP/1.1 200 OK
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    if (chunked) {
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        skip(size);
        expectCrlf();
      }
      while (!readLine().isEmpty()) {
        // trailers
      }
    } else if (contentLength >= 0) {
      skip(contentLength);
    } else {
      throw new IOException("a response without Content-Length or chunked body: " + statusLine);
    }
    if (close) {
      close();
    }
    return status;
  }

  private long chunkSize() throws IOException {
    String size = readLine();
    int extension = size.indexOf(';');
    return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
  }

  private void expectCrlf() throws IOException {
    if (!readLine().isEmpty()) {
      throw new IOException("a chunk not followed by CRLF");
    }
  }

  /** Reads {@code count} bytes of body, kept if this connection keeps bodies. */
  private void skip(long count) throws IOException {
    long left = count;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new EOFException("the connection closed inside a response body");
      }
      if (body != null) {
        body.write(buffer, 0, read);
      }
      left -= read;
    }
  }

  /** One header line (ASCII), without its CRLF. */
  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection closed inside a response head");
      }
      if (b == CRLF[1]) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == CRLF[0]) {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      try {
        socket.close();
      } finally {
        socket = null;
        out = null;
        in = null;
      }
    }
  }
}
