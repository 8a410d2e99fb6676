package de.rathaus.infra.privacy;

import de.rathaus.application.participation.Pseudonyms;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.shared.CitizenId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms keyed by the citizen's per-subject key: {@code HMAC-SHA256(k, purpose ":" proposal)}
 * with {@code k = HMAC-SHA256(subject key, "rathaus pseudonyms v1")}, so the pseudonym key is
 * separate from the one that encrypts (one key never serves two algorithms), and written as 43
 * characters of base64url. Without the subject key nothing links a pseudonym to the citizen, nor
 * two pseudonyms of one citizen to each other; their erasure destroys it.
 *
 * <p>A citizen's key changes only by erasure: after it a citizen signing in again with the same
 * account gets a new key and with it new pseudonyms, unlinked to their old supports and ratings,
 * which stay counted.
 */
public final class KeyedPseudonyms implements Pseudonyms {

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] DERIVATION = "rathaus pseudonyms v1".getBytes(StandardCharsets.UTF_8);

  private final SubjectKeyStore keys;

  public KeyedPseudonyms(SubjectKeyStore keys) {
    this.keys = keys;
  }

  @Override
  public String of(CitizenId citizen, Purpose purpose, ProposalId proposal) {
    return pseudonym(keys.currentKey(citizen.value()), purpose, proposal);
  }

  @Override
  public Optional<String> find(CitizenId citizen, Purpose purpose, ProposalId proposal) {
    String subject = citizen.value();
    return keys.keyId(subject)
        .flatMap(kid -> keys.find(subject, kid))
        .map(key -> pseudonym(key, purpose, proposal));
  }

  private static String pseudonym(SubjectKey key, Purpose purpose, ProposalId proposal) {
    byte[] derived = mac(key.key().getEncoded(), DERIVATION);
    byte[] value =
        mac(
            derived,
            (purpose.name().toLowerCase(Locale.ROOT) + ":" + proposal.value())
                .getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  private static byte[] mac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }
}
