package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Types by content: what a file is, whatever it is called. */
class DocumentTypesTest {

  private final DocumentTypes types =
      new DocumentTypes(List.of("application/pdf", "image/jpeg", "image/png"));

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] png() {
    return new byte[] {
      (byte) 0x89,
      'P',
      'N',
      'G',
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      8,
      2,
      0,
      0,
      0
    };
  }

  static byte[] zip() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("payload.txt"));
      zip.write("not a pdf".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private String detect(byte[] content) throws Exception {
    return types.detect(new ByteArrayInputStream(content));
  }

  @Test
  void detectsAcceptedTypesByContent() throws Exception {
    assertThat(detect(pdf("x"))).isEqualTo("application/pdf");
    assertThat(detect(png())).isEqualTo("image/png");
    assertThat(detect(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10}))
        .isEqualTo("image/jpeg");
  }

  @Test
  void aZipIsAZipWhateverItIsCalled() throws Exception {
    String detected = detect(zip());
    assertThat(detected).isEqualTo("application/zip");
    assertThat(types.allows(detected)).isFalse();
  }

  @Test
  void htmlAndProgramsAreRefused() throws Exception {
    String html = detect("<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes());
    assertThat(types.allows(html)).as(html).isFalse();
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    assertThat(types.allows(detect(exe))).isFalse();
    assertThat(types.allows(detect("just text".getBytes()))).isFalse();
  }

  @Test
  void fileNamesLoseFoldersAndControlCharacters() {
    assertThat(FileNames.safe("C:\\Users\\anna\\Nachweis.pdf")).isEqualTo("Nachweis.pdf");
    assertThat(FileNames.safe("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.safe("a\u202Efdp.exe")).isEqualTo("afdp.exe");
    assertThat(FileNames.safe("line\r\nbreak\".pdf")).isEqualTo("linebreak.pdf");
    assertThat(FileNames.safe("..")).isEqualTo("document");
    assertThat(FileNames.safe(null)).isEqualTo("document");
    assertThat(FileNames.safe("x".repeat(300))).hasSize(FileNames.MAX_LENGTH);
  }
}
