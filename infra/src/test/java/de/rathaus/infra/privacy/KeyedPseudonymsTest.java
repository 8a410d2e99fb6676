package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.application.participation.Pseudonyms.Purpose;
import de.rathaus.domain.participation.ProposalId;
import de.rathaus.domain.shared.CitizenId;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pseudonyms keyed by the citizen's key: stable, unlinkable, and gone with the key. */
class KeyedPseudonymsTest {

  private static final CitizenId ANNA = new CitizenId("anna");
  private static final CitizenId BEN = new CitizenId("ben");
  private static final ProposalId ONE = ProposalId.of(UUID.randomUUID());
  private static final ProposalId TWO = ProposalId.of(UUID.randomUUID());

  @TempDir Path keys;

  private SubjectKeyStore store() {
    return new FileSubjectKeyStore(keys, new SecureRandom(), Clock.systemUTC());
  }

  @Test
  void theSameCitizenGetsTheSamePseudonymForTheSameProposalAndPurpose() {
    KeyedPseudonyms pseudonyms = new KeyedPseudonyms(store());
    String first = pseudonyms.of(ANNA, Purpose.SUPPORT, ONE);
    assertThat(new KeyedPseudonyms(store()).of(ANNA, Purpose.SUPPORT, ONE)).isEqualTo(first);
    assertThat(pseudonyms.find(ANNA, Purpose.SUPPORT, ONE)).contains(first);
    assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("anna");
  }

  @Test
  void pseudonymsDifferByCitizenProposalAndPurpose() {
    KeyedPseudonyms pseudonyms = new KeyedPseudonyms(store());
    String annasSupport = pseudonyms.of(ANNA, Purpose.SUPPORT, ONE);
    assertThat(pseudonyms.of(BEN, Purpose.SUPPORT, ONE)).isNotEqualTo(annasSupport);
    assertThat(pseudonyms.of(ANNA, Purpose.SUPPORT, TWO)).isNotEqualTo(annasSupport);
    assertThat(pseudonyms.of(ANNA, Purpose.RATING, ONE)).isNotEqualTo(annasSupport);
  }

  @Test
  void findingMakesNoKey() {
    SubjectKeyStore store = store();
    assertThat(new KeyedPseudonyms(store).find(ANNA, Purpose.SUPPORT, ONE)).isEmpty();
    assertThat(store.keyId("anna")).isEmpty();
  }

  @Test
  void afterErasureTheOldPseudonymIsGoneAndANewKeyGivesAnother() {
    SubjectKeyStore store = store();
    KeyedPseudonyms pseudonyms = new KeyedPseudonyms(store);
    String before = pseudonyms.of(ANNA, Purpose.SUPPORT, ONE);
    store.destroy("anna");
    assertThat(pseudonyms.find(ANNA, Purpose.SUPPORT, ONE)).isEmpty();
    assertThat(pseudonyms.of(ANNA, Purpose.SUPPORT, ONE)).isNotEqualTo(before);
  }
}
