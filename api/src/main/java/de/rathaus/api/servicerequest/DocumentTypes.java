package de.rathaus.api.servicerequest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of a document as its content shows it (magic bytes, by Apache Tika), and whether
 * the city accepts it. The name and the type a client sends are never asked: a ZIP archive named
 * {@code Nachweis.pdf} and sent as {@code application/pdf} is a ZIP archive.
 */
public final class DocumentTypes {

  private final MimeTypes detector = MimeTypes.getDefaultMimeTypes();
  private final List<String> allowed;

  DocumentTypes(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** The base type detected from the content ({@code application/octet-stream} if none fits). */
  String detect(InputStream content) throws IOException {
    InputStream marked = content.markSupported() ? content : new BufferedInputStream(content);
    // no resource name in the metadata: the detection reads the content only
    return detector
        .detect(marked, new Metadata())
        .getBaseType()
        .toString()
        .toLowerCase(Locale.ROOT);
  }

  boolean allows(String mediaType) {
    return allowed.contains(mediaType);
  }

  List<String> allowed() {
    return allowed;
  }

  /** A document of a type the city does not accept. */
  public static final class Refused extends RuntimeException {
    private final String detected;

    Refused(String detected) {
      super("A document of a type that is not accepted", null, false, false);
      this.detected = detected;
    }

    String detected() {
      return detected;
    }
  }
}
