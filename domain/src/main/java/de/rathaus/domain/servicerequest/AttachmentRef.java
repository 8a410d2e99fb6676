package de.rathaus.domain.servicerequest;

import java.util.regex.Pattern;

/**
 * What a case records of a document so that anyone can later tell exactly which file was filed: its
 * id, its media type as detected from its content, its size in bytes and the SHA-256 of its bytes
 * (lower-case hex). None of it is personal: the file's name is (see {@link
 * DocumentAttached#name()}), and its bytes are stored elsewhere, encrypted under the applicant's
 * key. A later command (an objection, say) names documents filed before by their {@link #id()}.
 */
public record AttachmentRef(AttachmentId id, String mediaType, long size, String sha256) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]+");

  public AttachmentRef {
    if (id == null) {
      throw new IllegalArgumentException("An attachment needs its id");
    }
    if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
      throw new IllegalArgumentException("An attachment needs a media type such as image/png");
    }
    if (size < 0) {
      throw new IllegalArgumentException("An attachment's size cannot be negative");
    }
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("An attachment's SHA-256 is 64 lower-case hex digits");
    }
  }
}
