package de.rathaus.infra.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.catalogue.DepartmentView;
import de.rathaus.application.catalogue.DepartmentViews;
import de.rathaus.domain.catalogue.DepartmentContact;
import de.rathaus.domain.shared.DepartmentCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The departments' read model keeps its views as written, on the embedded server. */
class MongoDepartmentViewsTest {

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private DepartmentViews views;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    views = new MongoDepartmentViews(client.getDatabase("t"), new ObjectMapper());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static DepartmentView view(String code, boolean active, DepartmentContact contact) {
    return new DepartmentView(
        new DepartmentCode(code), new LocalizedText(code + " (de)", null), contact, active, 3);
  }

  @Test
  void aViewReadsBackAsItWasSaved() {
    DepartmentView saved =
        view(
            "ordnungsamt", false, new DepartmentContact("ordnungsamt@stadt.example", "07131 56-0"));
    views.insert(saved);

    assertThat(views.find("ordnungsamt")).contains(saved);
    assertThat(views.find("steueramt")).isEmpty();
  }

  @Test
  void theListHoldsEveryDepartmentByCodeAndAClearEmptiesIt() {
    views.insert(view("tiefbauamt", true, DepartmentContact.none()));
    DepartmentView retired = view("buergeramt", false, DepartmentContact.none());
    views.insert(retired);
    views.replace(view("buergeramt", true, DepartmentContact.none()).atSequence(4), 3);

    assertThat(views.list())
        .extracting(v -> v.code().value() + ":" + v.active())
        .containsExactly("buergeramt:true", "tiefbauamt:true");

    views.clear();
    assertThat(views.list()).isEmpty();
  }
}
