package io.tenantry.controlplane.console.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enrolment QR code's SVG path draws a code that a reader decodes to the text given. */
class QrCodeTest {

  private static final String URI =
      "otpauth://totp/Tenantry:admin%40test.io?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
          + "&issuer=Tenantry&algorithm=SHA1&digits=6&period=30";
  private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
  private static final int PIXELS_PER_MODULE = 4;

  @Test
  void thePathDecodesBackToTheOtpauthUri() throws Exception {
    QrCode qr = QrCode.of(URI);

    assertThat(decode(qr)).isEqualTo(URI);
  }

  @Test
  void theCodeHasAFourModuleQuietZoneAndItsFinderPatternInTheTopLeftCorner() {
    QrCode qr = QrCode.of(URI);

    // A QR code of version v is 17 + 4v modules wide; the quiet zone adds four on each side.
    assertThat((qr.size() - 8 - 17) % 4).isZero();
    assertThat(qr.path()).startsWith("M4 4h7v1h-7z");
    assertThat(qr.pixels()).isEqualTo(qr.size() * 5);
  }

  @Test
  void textBeyondTheLargestQrCodeIsRefused() {
    assertThatThrownBy(() -> QrCode.of("x".repeat(5000)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Paints the path's runs black on white, as a browser would, and reads the code back. */
  private static String decode(QrCode qr) throws Exception {
    int side = qr.size() * PIXELS_PER_MODULE;
    int[] pixels = new int[side * side];
    java.util.Arrays.fill(pixels, 0xFFFFFF);
    Matcher run = RUN.matcher(qr.path());
    int end = 0;
    while (run.find()) {
      assertThat(run.start()).isEqualTo(end);
      end = run.end();
      int x0 = Integer.parseInt(run.group(1));
      int y0 = Integer.parseInt(run.group(2));
      int width = Integer.parseInt(run.group(3));
      for (int y = y0 * PIXELS_PER_MODULE; y < (y0 + 1) * PIXELS_PER_MODULE; y++) {
        for (int x = x0 * PIXELS_PER_MODULE; x < (x0 + width) * PIXELS_PER_MODULE; x++) {
          pixels[y * side + x] = 0;
        }
      }
    }
    assertThat(end).isEqualTo(qr.path().length());
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
    return new QRCodeReader().decode(bitmap).getText();
  }
}
