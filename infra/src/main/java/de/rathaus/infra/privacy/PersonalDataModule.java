package de.rathaus.infra.privacy;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import de.rathaus.application.privacy.MissingKeys;
import de.rathaus.domain.shared.DataSubject;
import de.rathaus.domain.shared.PersonalData;
import java.security.SecureRandom;

/**
 * Encrypts personal data for the {@code ObjectMapper} it is registered on: every {@link
 * PersonalData} value is written encrypted with the key of the nearest enclosing {@link
 * DataSubject} (the record declaring both, or one around it: records nested in records, lists or
 * maps inherit the subject), and read back decrypted.
 *
 * <p>Stored form of a protected value, an <em>envelope</em>. Where the output holds binary values
 * (a token buffer, from which the event store writes BSON) it is binary, the field's value itself
 * (format v3, see {@code FieldCipher.Sealed}: no base64 and no nested document, which the embedded
 * server pays for per byte and per document). Where the output is JSON text (read models), and in
 * events stored before v3, it is a JSON object with the single field {@value #ENVELOPE_FIELD},
 *
 * <pre>
 * {"$pd": "v2.&lt;key id&gt;.&lt;base64url(iv || ciphertext || tag)&gt;.&lt;subject id&gt;"}
 * </pre>
 *
 * <p>AES-256-GCM of the value's JSON text (a text {@code Anna} is encrypted as {@code "Anna"} with
 * the quotes; a binary envelope of a string holds its UTF-8 alone), random 96-bit IV; the
 * associated data are the format ({@code v2}, {@code v3}, or {@code v3s} for a string), the
 * subject, the key id and the value's field path (a JSON pointer from the record that names the
 * subject: {@code /applicantName}, {@code /location/address}, {@code /questions/0/text}, {@code
 * /attributes/purpose}), each with its length. The subject is in the envelope (last, so that it may
 * contain dots), so reading needs nothing but the key store and the place the envelope is found in.
 * Text, numbers, records and lists are one envelope each; a map is written as a map whose keys stay
 * readable and whose values are one envelope each; {@code null} stays {@code null}. One string
 * rather than a nested object, because every nested document costs the embedded server noticeably
 * more.
 *
 * <p>Binding: an envelope moved to another field (also of the same record) does not authenticate,
 * and one moved into another subject's record names a subject that is not the record's; both are
 * errors ({@code PersonalDataUnreadable}), never the other text and never a placeholder. So is an
 * envelope of the earlier format {@code v1} (subject and key id only), which is no longer read.
 *
 * <p>Reading: an envelope whose key is destroyed after a recorded erasure (the key store holds its
 * tombstone) reads as {@value #ERASED} for text and for each value of a map, and as {@code null}
 * for other types. An envelope whose key is missing without a recorded erasure is an error ({@code
 * PersonalDataKeyMissing}, logged and counted), so nothing is shown and no placeholder can be
 * written back in its place. A value that is no envelope is read as it is. A value whose subject is
 * {@code null} is written as it is, in plain, and so is the placeholder {@value #ERASED}: a read
 * model saved again after an erasure (or rebuilt) makes the citizen no new key. Any other personal
 * value written for an erased citizen does make a new key, as their new data needs one.
 *
 * <p>Limits: personal values cannot be queried or indexed in the database, and the envelope has no
 * type id (default typing does not reach inside it). Register the module only on a copy of the
 * application's mapper that writes to storage ({@link ProtectedJson}), never on the one that writes
 * HTTP responses.
 */
public final class PersonalDataModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** The single field of an envelope. */
  public static final String ENVELOPE_FIELD = "$pd";

  /** What erased text reads as. */
  public static final String ERASED = "[erased]";

  private final transient FieldCipher cipher;

  public PersonalDataModule(SubjectKeyStore keys) {
    this(keys, new SecureRandom(), new MissingKeys());
  }

  /**
   * @param missing counts the values that could not be read for a key missing without a recorded
   *     erasure
   */
  public PersonalDataModule(SubjectKeyStore keys, SecureRandom random, MissingKeys missing) {
    super("rathaus-personal-data", Version.unknownVersion());
    this.cipher = new FieldCipher(keys, random, missing);
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.insertAnnotationIntrospector(new Introspector(cipher));
    context.addBeanDeserializerModifier(new SubjectBinding());
  }

  /** Hands Jackson the personal-data serializer and deserializer for marked properties. */
  private static final class Introspector extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    private final transient PersonalDataSerializer serializer;
    private final transient PersonalDataDeserializer deserializer;

    Introspector(FieldCipher cipher) {
      this.serializer = new PersonalDataSerializer(cipher);
      this.deserializer = new PersonalDataDeserializer(cipher);
    }

    @Override
    public Version version() {
      return Version.unknownVersion();
    }

    @Override
    public Object findSerializer(Annotated annotated) {
      return personal(annotated) ? serializer : null;
    }

    @Override
    public Object findDeserializer(Annotated annotated) {
      return personal(annotated) ? deserializer : null;
    }

    private static boolean personal(Annotated annotated) {
      return annotated instanceof AnnotatedMember && annotated.hasAnnotation(PersonalData.class);
    }
  }
}
