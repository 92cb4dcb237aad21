package io.tenantry.controlplane.console.mfa;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code drawn as one SVG path, rendered on the server: the page needs no script, no image
 * request and no third party to show the secret to an authenticator app, and the strict
 * Content-Security-Policy stays as it is.
 *
 * @param size the side of the SVG's view box in modules, the quiet zone included
 * @param path the dark modules, one {@code M x y h n v 1 h -n z} rectangle per horizontal run
 */
public record QrCode(int size, String path) {

  /** Four modules of light border, as ISO/IEC 18004 asks for scanners to find the code. */
  private static final int QUIET_ZONE = 4;

  /** Drawn five pixels a module: large enough for a phone's camera from an arm's length. */
  public int pixels() {
    return size * 5;
  }

  /** Encodes {@code text} with medium error correction, enough for a code shown on a screen. */
  public static QrCode of(String text) {
    ByteMatrix matrix;
    try {
      matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("too long for a QR code", e);
    }
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      int x = 0;
      while (x < matrix.getWidth()) {
        if (matrix.get(x, y) != 1) {
          x++;
          continue;
        }
        int start = x;
        while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
          x++;
        }
        int run = x - start;
        path.append('M')
            .append(start + QUIET_ZONE)
            .append(' ')
            .append(y + QUIET_ZONE)
            .append('h')
            .append(run)
            .append("v1h-")
            .append(run)
            .append('z');
      }
    }
    return new QrCode(matrix.getWidth() + 2 * QUIET_ZONE, path.toString());
  }
}
