package de.rathaus.api.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.api.shared.Actor;
import de.rathaus.api.shared.Role;
import de.rathaus.domain.servicerequest.ClerkId;
import de.rathaus.domain.shared.DepartmentCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who counts as a clerk of a department when a case is assigned. */
class ClerkDirectoryTest {

  private static final DepartmentCode BUERGERAMT = new DepartmentCode("buergeramt");
  private static final DepartmentCode ORDNUNGSAMT = new DepartmentCode("ordnungsamt");
  private static final ClerkId CLEMENS = new ClerkId("clemens");

  private static Actor clerkOf(DepartmentCode department) {
    return new Actor("clara", Role.CLERK, Optional.of(department.value()));
  }

  @Test
  void aClerkListedUnderTwoDepartmentsIsAClerkOfEach() {
    // the order the operator's settings are read in must not matter: try both
    for (List<String> order :
        List.of(List.of("buergeramt", "ordnungsamt"), List.of("ordnungsamt", "buergeramt"))) {
      Map<String, List<String>> staff = new LinkedHashMap<>();
      order.forEach(department -> staff.put(department, List.of("clemens")));
      ClerkDirectory directory = new ClerkDirectory(Optional.empty(), staff);

      assertThat(directory.isClerkOf(CLEMENS, BUERGERAMT, clerkOf(BUERGERAMT))).isTrue();
      assertThat(directory.isClerkOf(CLEMENS, ORDNUNGSAMT, clerkOf(ORDNUNGSAMT))).isTrue();
    }
  }

  @Test
  void aClerkOfAnotherDepartmentOrNobodyTheEngineKnowsIsNoClerkOfThisOne() {
    ClerkDirectory directory =
        new ClerkDirectory(Optional.empty(), Map.of("ordnungsamt", List.of("clemens")));

    assertThat(directory.isClerkOf(CLEMENS, BUERGERAMT, clerkOf(BUERGERAMT))).isFalse();
    assertThat(directory.isClerkOf(new ClerkId("nobody"), BUERGERAMT, clerkOf(BUERGERAMT)))
        .isFalse();
  }

  @Test
  void theCallerIsAClerkOfTheirOwnDepartment() {
    ClerkDirectory directory = new ClerkDirectory(Optional.empty(), Map.of());

    assertThat(directory.isClerkOf(new ClerkId("clara"), BUERGERAMT, clerkOf(BUERGERAMT))).isTrue();
    assertThat(directory.isClerkOf(new ClerkId("clara"), ORDNUNGSAMT, clerkOf(BUERGERAMT)))
        .isFalse();
  }
}
