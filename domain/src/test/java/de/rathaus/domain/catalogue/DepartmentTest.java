package de.rathaus.domain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.catalogue.DepartmentRuleViolation.Code;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of a department as reference data. Refusals are checked on the exception the
 * aggregate threw (captured by a handler interceptor, so the test sees its code) and on the absence
 * of events.
 */
class DepartmentTest {

  private static final DepartmentCode STEUERAMT = new DepartmentCode("steueramt");
  private static final LocalizedText NAME = new LocalizedText("Steueramt", "Tax Office");
  private static final LocalizedText NEW_NAME =
      new LocalizedText("Amt für Steuern und Abgaben", "Office of Local Taxes");
  private static final DepartmentContact CONTACT =
      new DepartmentContact("steueramt@stadt.example", "+49 7131 56-0");
  private static final DepartmentContact NEW_CONTACT =
      new DepartmentContact("steuern@stadt.example", null);

  private FixtureConfiguration<Department> fixture;
  private Exception thrown;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Department.class);
    fixture.registerCommandHandlerInterceptor(
        (unitOfWork, chain) -> {
          try {
            return chain.proceed();
          } catch (Exception e) {
            thrown = e;
            throw e;
          }
        });
  }

  @Test
  void createsAnActiveDepartment() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateDepartment(STEUERAMT, NAME, CONTACT))
        .expectEvents(new DepartmentCreated(STEUERAMT, NAME, CONTACT))
        .expectState(department -> assertThat(department.active()).isTrue());
  }

  @Test
  void refusesASecondDepartmentUnderAnExistingCode() {
    ResultValidator<Department> result =
        fixture
            .given(new DepartmentCreated(STEUERAMT, NAME, CONTACT))
            .when(new CreateDepartment(STEUERAMT, NEW_NAME, null))
            .expectNoEvents();
    // the event store keeps one history per id and refuses to start a second one
    assertThatThrownBy(result::expectSuccessfulHandlerExecution).isInstanceOf(AssertionError.class);
  }

  @Test
  void renamesADepartment() {
    fixture
        .given(new DepartmentCreated(STEUERAMT, NAME, CONTACT))
        .when(new ReviseDepartment(STEUERAMT, NEW_NAME, CONTACT))
        .expectEvents(new DepartmentRenamed(STEUERAMT, NEW_NAME));
  }

  @Test
  void changesTheContactOfADepartment() {
    fixture
        .given(new DepartmentCreated(STEUERAMT, NAME, CONTACT))
        .when(new ReviseDepartment(STEUERAMT, NAME, NEW_CONTACT))
        .expectEvents(new DepartmentContactChanged(STEUERAMT, NEW_CONTACT));
  }

  @Test
  void aNewNameAndANewContactSavedTogetherAreTwoFacts() {
    fixture
        .given(new DepartmentCreated(STEUERAMT, NAME, CONTACT))
        .when(new ReviseDepartment(STEUERAMT, NEW_NAME, NEW_CONTACT))
        .expectEvents(
            new DepartmentRenamed(STEUERAMT, NEW_NAME),
            new DepartmentContactChanged(STEUERAMT, NEW_CONTACT));
  }

  @Test
  void aContactCanBeRemoved() {
    fixture
        .given(new DepartmentCreated(STEUERAMT, NAME, CONTACT))
        .when(new ReviseDepartment(STEUERAMT, NAME, null))
        .expectEvents(new DepartmentContactChanged(STEUERAMT, DepartmentContact.none()));
  }

  @Test
  void savingWhatIsRecordedRecordsNothing() {
    fixture
        .given(
            new DepartmentCreated(STEUERAMT, NAME, CONTACT),
            new DepartmentRenamed(STEUERAMT, NEW_NAME))
        .when(new ReviseDepartment(STEUERAMT, NEW_NAME, CONTACT))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void retiresADepartmentWithItsReason() {
    fixture
        .given(new DepartmentCreated(STEUERAMT, NAME, CONTACT))
        .when(new RetireDepartment(STEUERAMT, "Merged into the Kämmerei"))
        .expectEvents(new DepartmentRetired(STEUERAMT, "Merged into the Kämmerei"))
        .expectState(department -> assertThat(department.active()).isFalse());
  }

  @Test
  void refusesToReviseARetiredDepartment() {
    fixture
        .given(
            new DepartmentCreated(STEUERAMT, NAME, CONTACT),
            new DepartmentRetired(STEUERAMT, "Merged"))
        .when(new ReviseDepartment(STEUERAMT, NEW_NAME, CONTACT))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_RETIRED);
  }

  @Test
  void refusesToRetireTwice() {
    fixture
        .given(
            new DepartmentCreated(STEUERAMT, NAME, CONTACT),
            new DepartmentRetired(STEUERAMT, "Merged"))
        .when(new RetireDepartment(STEUERAMT, "Again"))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_RETIRED);
  }

  private void assertRefusedWith(Code code) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            DepartmentRuleViolation.class,
            violation -> {
              assertThat(violation.code()).isEqualTo(code);
              assertThat(violation.department()).isEqualTo(STEUERAMT);
            });
  }
}
