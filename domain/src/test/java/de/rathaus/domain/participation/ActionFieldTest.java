package de.rathaus.domain.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.participation.ActionFieldRuleViolation.Code;
import de.rathaus.domain.shared.LocalizedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of an action field as reference data. Refusals are checked on the exception the
 * aggregate threw (captured by a handler interceptor, so the test sees its code) and on the absence
 * of events.
 */
class ActionFieldTest {

  private static final ActionFieldCode MOBILITY = new ActionFieldCode("mobilitaet");
  private static final LocalizedText NAME = new LocalizedText("Mobilität", "Mobility");
  private static final LocalizedText NEW_NAME =
      new LocalizedText("Mobilität und Verkehr", "Mobility and Transport");
  private static final LocalizedText DESCRIPTION =
      new LocalizedText("Bus, Rad und Fußwege", "Buses, bikes and footpaths");
  private static final LocalizedText NEW_DESCRIPTION =
      new LocalizedText("Bus, Bahn, Rad und Fußwege", null);

  private FixtureConfiguration<ActionField> fixture;
  private Exception thrown;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ActionField.class);
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
  void createsAnActiveActionField() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateActionField(MOBILITY, NAME, DESCRIPTION))
        .expectEvents(new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION))
        .expectState(field -> assertThat(field.active()).isTrue());
  }

  @Test
  void anActionFieldNeedsNoDescription() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateActionField(MOBILITY, NAME, null))
        .expectEvents(new ActionFieldCreated(MOBILITY, NAME, null));
  }

  @Test
  void refusesASecondActionFieldUnderAnExistingCode() {
    ResultValidator<ActionField> result =
        fixture
            .given(new ActionFieldCreated(MOBILITY, NAME, null))
            .when(new CreateActionField(MOBILITY, NEW_NAME, null))
            .expectNoEvents();
    // the event store keeps one history per id and refuses to start a second one
    assertThatThrownBy(result::expectSuccessfulHandlerExecution).isInstanceOf(AssertionError.class);
  }

  @Test
  void renamesAnActionField() {
    fixture
        .given(new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION))
        .when(new ReviseActionField(MOBILITY, NEW_NAME, DESCRIPTION))
        .expectEvents(new ActionFieldRenamed(MOBILITY, NEW_NAME));
  }

  @Test
  void changesTheDescriptionOfAnActionField() {
    fixture
        .given(new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION))
        .when(new ReviseActionField(MOBILITY, NAME, NEW_DESCRIPTION))
        .expectEvents(new ActionFieldDescriptionChanged(MOBILITY, NEW_DESCRIPTION));
  }

  @Test
  void aNewNameAndANewDescriptionSavedTogetherAreTwoFacts() {
    fixture
        .given(new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION))
        .when(new ReviseActionField(MOBILITY, NEW_NAME, NEW_DESCRIPTION))
        .expectEvents(
            new ActionFieldRenamed(MOBILITY, NEW_NAME),
            new ActionFieldDescriptionChanged(MOBILITY, NEW_DESCRIPTION));
  }

  @Test
  void aDescriptionCanBeRemoved() {
    fixture
        .given(new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION))
        .when(new ReviseActionField(MOBILITY, NAME, null))
        .expectEvents(new ActionFieldDescriptionChanged(MOBILITY, null));
  }

  @Test
  void savingWhatIsRecordedRecordsNothing() {
    fixture
        .given(
            new ActionFieldCreated(MOBILITY, NAME, DESCRIPTION),
            new ActionFieldRenamed(MOBILITY, NEW_NAME))
        .when(new ReviseActionField(MOBILITY, NEW_NAME, DESCRIPTION))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void retiresAnActionFieldWithItsReason() {
    fixture
        .given(new ActionFieldCreated(MOBILITY, NAME, null))
        .when(new RetireActionField(MOBILITY, "Merged into Smart City"))
        .expectEvents(new ActionFieldRetired(MOBILITY, "Merged into Smart City"))
        .expectState(field -> assertThat(field.active()).isFalse());
  }

  @Test
  void refusesToReviseARetiredActionField() {
    fixture
        .given(
            new ActionFieldCreated(MOBILITY, NAME, null),
            new ActionFieldRetired(MOBILITY, "Merged"))
        .when(new ReviseActionField(MOBILITY, NEW_NAME, null))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_RETIRED);
  }

  @Test
  void refusesToRetireTwice() {
    fixture
        .given(
            new ActionFieldCreated(MOBILITY, NAME, null),
            new ActionFieldRetired(MOBILITY, "Merged"))
        .when(new RetireActionField(MOBILITY, "Again"))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_RETIRED);
  }

  private void assertRefusedWith(Code code) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionFieldRuleViolation.class,
            violation -> {
              assertThat(violation.code()).isEqualTo(code);
              assertThat(violation.actionField()).isEqualTo(MOBILITY);
            });
  }
}
