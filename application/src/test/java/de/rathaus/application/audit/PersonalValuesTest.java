package de.rathaus.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.domain.shared.PersonalData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an auditor sees of a record with personal parts. */
class PersonalValuesTest {

  record Place(double lat, double lon, @PersonalData String address) {}

  record Note(String author, @PersonalData String text) {}

  record Case(
      String id,
      String status,
      @PersonalData String name,
      @PersonalData Map<String, Object> attributes,
      @PersonalData Place privateLocation,
      Place location,
      List<Note> notes) {}

  record Refusing(@PersonalData String text) {
    Refusing {
      if ("[personal]".equals(text)) {
        throw new IllegalArgumentException("no placeholder here");
      }
    }
  }

  record Holder(String id, Refusing inner) {}

  @Test
  void everyPersonalPartIsHiddenAndEverythingElseStays() {
    Case original =
        new Case(
            "case-1",
            "SUBMITTED",
            "Anna Beispiel",
            Map.of("copies", 2),
            new Place(49.1, 9.2, "Kaiserstraße 1"),
            new Place(49.3, 9.4, "Allee 5"),
            List.of(new Note("clara", "Rückruf")));

    Case masked = PersonalValues.masked(original);

    assertThat(masked.id()).isEqualTo("case-1");
    assertThat(masked.status()).isEqualTo("SUBMITTED");
    assertThat(masked.name()).isEqualTo("[personal]");
    assertThat(masked.attributes()).isEqualTo(Map.of("copies", "[personal]"));
    assertThat(masked.privateLocation()).isNull();
    assertThat(masked.location()).isEqualTo(new Place(49.3, 9.4, "[personal]"));
    assertThat(masked.notes()).containsExactly(new Note("clara", "[personal]"));
    assertThat(masked.toString()).doesNotContain("Anna", "Kaiserstraße", "Allee", "Rückruf");
  }

  @Test
  void aRecordThatCannotHoldThePlaceholderIsLeftOutRatherThanShown() {
    Holder masked = PersonalValues.masked(new Holder("h-1", new Refusing("secret")));

    assertThat(masked.id()).isEqualTo("h-1");
    assertThat(masked.inner()).isNull();
  }

  @Test
  void absentPersonalValuesStayAbsent() {
    Case masked = PersonalValues.masked(new Case("c", "S", null, null, null, null, List.of()));

    assertThat(masked.name()).isNull();
    assertThat(masked.attributes()).isNull();
  }
}
