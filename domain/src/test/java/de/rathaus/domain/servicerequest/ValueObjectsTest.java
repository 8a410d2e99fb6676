package de.rathaus.domain.servicerequest;

import static de.rathaus.domain.servicerequest.Cases.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

  @Test
  void decisionNeedsReasoningAndLegalBasis() {
    assertThatThrownBy(() -> new Decision(DecisionOutcome.APPROVED, " ", "§ 45 StVO"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Decision(DecisionOutcome.APPROVED, "Conditions met", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Decision(null, "Conditions met", "§ 45 StVO"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void locationStaysOnTheGlobe() {
    assertThat(new Location(90, 180, " ").address()).isNull();
    assertThat(new Location(-90, -180, "Marktplatz").lat()).isEqualTo(-90);
    assertThatThrownBy(() -> new Location(90.001, 9.2, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Location(49.1, -180.5, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Location(Double.NaN, 9.2, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLocationIsItsAddressAloneWithoutCoordinates() {
    // Open311 GeoReport v2: lat/long or address_string; nothing is geocoded
    Location address = Location.ofAddress("Kaiserstraße 12, Heilbronn");
    assertThat(address.lat()).isNull();
    assertThat(address.lon()).isNull();
    assertThat(address.hasCoordinates()).isFalse();
    assertThat(address.address()).isEqualTo("Kaiserstraße 12, Heilbronn");
    assertThat(new Location(49.14, 9.22, null).hasCoordinates()).isTrue();
  }

  @Test
  void aLocationHasCoordinatesOrAnAddress() {
    assertThatThrownBy(() -> new Location(null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A location has coordinates or an address");
    assertThatThrownBy(() -> Location.ofAddress("  ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLocationsCoordinatesAreGivenTogether() {
    assertThatThrownBy(() -> new Location(49.14, null, "Marktplatz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The latitude and the longitude are given together");
    assertThatThrownBy(() -> new Location(null, 9.22, "Marktplatz"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Location(null, 9.22, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLocationWithoutCoordinatesShowsNothingOfItsAddress() {
    assertThat(Location.ofAddress("Kaiserstraße 12").toString()).doesNotContain("Kaiser");
  }

  @Test
  void onlySubmittedInProgressWaitingAndAnObjectionPendingAreOpen() {
    // an objection procedure is a running case again: the office works on it within its deadline
    assertThat(Arrays.stream(RequestStatus.values()).filter(RequestStatus::isOpen))
        .containsExactlyInAnyOrder(
            RequestStatus.SUBMITTED,
            RequestStatus.IN_PROGRESS,
            RequestStatus.WAITING_FOR_APPLICANT,
            RequestStatus.OBJECTION_PENDING);
  }

  @Test
  void blankContactDetailsCountAsAbsent() {
    ApplicantContact contact = new ApplicantContact(" ", "", null, "Kaiserstraße 12");
    assertThat(contact.hasName()).isFalse();
    assertThat(contact.email()).isNull();
    assertThat(contact.address()).isEqualTo("Kaiserstraße 12");
  }

  @Test
  void submissionKeepsItsOwnCopyOfTheAttributes() {
    Map<String, Object> attributes = new HashMap<>(Map.of("licensePlate", "HN-AS 123"));
    SubmitServiceRequest command =
        new SubmitServiceRequest(
            ID,
            CASE_NUMBER,
            ANNA,
            PARKING,
            1,
            BUERGERAMT,
            RequestKind.REQUEST,
            attributes,
            null,
            null,
            null,
            14,
            T0);
    attributes.put("licensePlate", "changed");
    assertThat(command.attributes()).containsEntry("licensePlate", "HN-AS 123");
    assertThat(command.contact()).isEqualTo(ApplicantContact.none());
  }

  @Test
  void submissionRefusesAttributesWithoutValue() {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("licensePlate", null);
    assertThatThrownBy(
            () ->
                new SubmitServiceRequest(
                    ID,
                    CASE_NUMBER,
                    ANNA,
                    PARKING,
                    1,
                    BUERGERAMT,
                    RequestKind.REQUEST,
                    attributes,
                    null,
                    null,
                    CONTACT,
                    14,
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void submissionNeedsAProcessingTargetOfAtLeastOneDay() {
    assertThatThrownBy(() -> submitApplication(0, T0)).isInstanceOf(IllegalArgumentException.class);
  }
}
