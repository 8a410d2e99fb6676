package de.rathaus.infra.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.statistics.CaseFigures;
import de.rathaus.application.statistics.CaseFiguresViews;
import de.rathaus.application.statistics.ConsultationFacts;
import de.rathaus.application.statistics.ParticipationFacts;
import de.rathaus.application.statistics.SupportFacts;
import de.rathaus.domain.participation.ConsultationFormat;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.ServiceCode;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics keep their records as written, one collection per read model, on the server. */
class MongoStatisticsStoresTest {

  private static final Instant T = Instant.parse("2026-03-31T23:30:00Z");

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoStatisticsStores stores;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    stores =
        new MongoStatisticsStores(
            client.getDatabase("t"), new ObjectMapper().findAndRegisterModules());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static CaseFigures decided(String id, long sequence) {
    return new CaseFigures(
        id,
        new ServiceCode("meldebescheinigung"),
        new DepartmentCode("buergeramt"),
        new DepartmentCode("ordnungsamt"),
        T.minusSeconds(86_400),
        T.plusSeconds(86_400),
        3_600_000,
        null,
        T,
        null,
        true,
        sequence);
  }

  @Test
  void aCaseRecordReadsBackAsItWasSavedAndOnlyFromItsOwnReadModel() {
    CaseFiguresViews services = stores.cases("service-statistics");
    services.insert(decided("a", 4));

    assertThat(services.find("a")).contains(decided("a", 4));
    assertThat(services.all()).containsExactly(decided("a", 4));
    assertThat(stores.cases("department-statistics").all()).isEmpty();
    assertThat(client.getDatabase("t").listCollectionNames()).contains("service_statistics");
  }

  @Test
  void writesOnlyOverTheRecordTheChangeWasMadeFrom() {
    CaseFiguresViews cases = stores.cases("service-statistics");
    cases.insert(decided("a", 4));

    assertThat(cases.replace(decided("a", 6), 5)).isFalse();
    assertThat(cases.replace(decided("a", 5), 4)).isTrue();
    assertThat(cases.find("a")).contains(decided("a", 5));
  }

  @Test
  void participationRecordsReadBackInTheirOwnCollections() {
    ParticipationFacts facts = stores.participation("participation-statistics");
    ConsultationFacts consultation =
        new ConsultationFacts(
            "consultation-1", "mobilitaet", List.of(11, 13), ConsultationFormat.IDEAS, T, 1);
    SupportFacts support =
        new SupportFacts(
            "support-1",
            "proposal-1",
            List.of(new SupportFacts.Change(T, true), new SupportFacts.Change(T, false)),
            1);
    facts.consultations().insert(consultation);
    facts.supports().insert(support);

    assertThat(facts.consultations().all()).containsExactly(consultation);
    assertThat(facts.supports().all()).containsExactly(support);
    assertThat(facts.supports().all().get(0).standing()).isFalse();

    facts.clear();
    assertThat(facts.consultations().all()).isEmpty();
  }
}
