package de.rathaus.domain.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rathaus.domain.open311.Open311KeyRuleViolation.Code;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of an Open311 API key: issued with a name and its hash, revoked once. Refusals are
 * checked on the exception the aggregate threw (captured by a handler interceptor) and on the
 * absence of events.
 */
class Open311KeyTest {

  private static final Open311KeyId ID = new Open311KeyId("0123456789abcdef0123");
  private static final String HASH = "a".repeat(64);
  private static final Instant ISSUED = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant REVOKED = Instant.parse("2026-03-02T10:00:00Z");

  private FixtureConfiguration<Open311Key> fixture;
  private Exception thrown;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Open311Key.class);
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
  void issuesAKeyUnderItsNameWithItsHash() {
    fixture
        .givenNoPriorActivity()
        .when(new IssueOpen311Key(ID, "  Klarschiff-App ", HASH, ISSUED))
        .expectEvents(new Open311KeyIssued(ID, "Klarschiff-App", HASH, ISSUED))
        .expectState(key -> assertThat(key.revoked()).isFalse());
  }

  @Test
  void refusesANameOfMoreThanAHundredCharacters() {
    fixture
        .givenNoPriorActivity()
        .when(new IssueOpen311Key(ID, "x".repeat(101), HASH, ISSUED))
        .expectNoEvents();
    assertRefusedWith(Code.NAME_TOO_LONG);
  }

  @Test
  void acceptsANameOfAHundredCharactersAroundWhichBlanksAreDropped() {
    String name = "ä".repeat(100);
    fixture
        .givenNoPriorActivity()
        .when(new IssueOpen311Key(ID, "  " + name + "  ", HASH, ISSUED))
        .expectEvents(new Open311KeyIssued(ID, name, HASH, ISSUED));
  }

  @Test
  void refusesAHashThatIsNoSha256() {
    fixture
        .givenNoPriorActivity()
        .when(new IssueOpen311Key(ID, "Dashboard", "not-a-hash", ISSUED))
        .expectNoEvents();
    assertRefusedWith(Code.MALFORMED_HASH);
  }

  @Test
  void refusesASecondKeyUnderAnIdInUse() {
    ResultValidator<Open311Key> result =
        fixture
            .given(new Open311KeyIssued(ID, "Dashboard", HASH, ISSUED))
            .when(new IssueOpen311Key(ID, "Other", HASH, ISSUED))
            .expectNoEvents();
    // the event store keeps one history per id and refuses to start a second one
    assertThatThrownBy(result::expectSuccessfulHandlerExecution).isInstanceOf(AssertionError.class);
  }

  @Test
  void revokesAnIssuedKey() {
    fixture
        .given(new Open311KeyIssued(ID, "Dashboard", HASH, ISSUED))
        .when(new RevokeOpen311Key(ID, "Key leaked", REVOKED))
        .expectEvents(new Open311KeyRevoked(ID, "Key leaked", REVOKED))
        .expectState(key -> assertThat(key.revoked()).isTrue());
  }

  @Test
  void refusesToRevokeTwice() {
    fixture
        .given(
            new Open311KeyIssued(ID, "Dashboard", HASH, ISSUED),
            new Open311KeyRevoked(ID, null, REVOKED))
        .when(new RevokeOpen311Key(ID, null, REVOKED.plusSeconds(60)))
        .expectNoEvents();
    assertRefusedWith(Code.ALREADY_REVOKED);
  }

  @Test
  void theIssuedEventNeverShowsTheHashInALogLine() {
    assertThat(new Open311KeyIssued(ID, "Dashboard", HASH, ISSUED).toString()).doesNotContain(HASH);
  }

  @Test
  void aKeyIdIsTwentyHexDigitsAndItsHistoryIsKeptApart() {
    assertThat(ID.toString()).isEqualTo("open311-key:0123456789abcdef0123");
    assertThatThrownBy(() -> new Open311KeyId("../etc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Open311KeyId("0123456789ABCDEF0123"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertRefusedWith(Code code) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            Open311KeyRuleViolation.class,
            violation -> assertThat(violation.code()).isEqualTo(code));
  }
}
