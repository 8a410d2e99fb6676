package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignedNoteTest {

  private final VerifierKey peter = VerifierKey.parse(SumdbVector.VERIFIER_KEY);

  @Test
  void signsTheSumdbExampleByteForByte() {
    LogKey key = LogKey.fromPem(SumdbVector.pkcs8Pem());

    assertThat(SignedNote.sign(SumdbVector.TEXT, SumdbVector.NAME, key))
        .isEqualTo(SumdbVector.NOTE);
  }

  @Test
  void opensTheSumdbExampleWithItsVerifierKey() {
    assertThat(SignedNote.open(SumdbVector.NOTE, peter)).contains(SumdbVector.TEXT);
  }

  @Test
  void refusesTheSumdbExampleWithAChangedText() {
    String changed = SumdbVector.NOTE.replace("cryptography", "cryptographY");

    assertThat(SignedNote.open(changed, peter)).isEmpty();
  }

  @Test
  void ignoresTheSignaturesOfOtherKeysSuchAsWitnesses() {
    String cosigned =
        SignedNote.sign(SumdbVector.TEXT, "witness.example", LogKey.generate())
            .replace(SumdbVector.TEXT + "\n", SumdbVector.NOTE);

    assertThat(SignedNote.open(cosigned, peter)).contains(SumdbVector.TEXT);
  }

  @Test
  void refusesANoteWithoutASignatureOfTheKey() {
    String note = SignedNote.sign(SumdbVector.TEXT, SumdbVector.NAME, LogKey.generate());

    assertThat(SignedNote.open(note, peter)).isEmpty();
  }
}
