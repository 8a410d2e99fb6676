package de.rathaus.infra.participation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.rathaus.application.participation.ActionFieldView;
import de.rathaus.application.participation.ActionFieldViews;
import de.rathaus.domain.participation.ActionFieldCode;
import de.rathaus.domain.shared.LocalizedText;
import de.rathaus.infra.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action fields' read model keeps its views as written, on the embedded server. */
class MongoActionFieldViewsTest {

  @TempDir Path dataDir;
  private EmbeddedMongoServer server;
  private MongoClient client;
  private ActionFieldViews views;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.start(dataDir);
    client = MongoClients.create(server.connectionString());
    views = new MongoActionFieldViews(client.getDatabase("t"), new ObjectMapper());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static ActionFieldView view(String code, boolean active, LocalizedText description) {
    return new ActionFieldView(
        new ActionFieldCode(code),
        new LocalizedText(code + " (de)", code + " (en)"),
        description,
        active,
        3);
  }

  @Test
  void aViewReadsBackAsItWasSaved() {
    ActionFieldView saved =
        view("mobilitaet", false, new LocalizedText("Bus und Rad", "Buses and bikes"));
    views.insert(saved);

    assertThat(views.find("mobilitaet")).contains(saved);
    assertThat(views.find("bildung")).isEmpty();
  }

  @Test
  void aViewWithoutDescriptionReadsBackWithout() {
    ActionFieldView saved = view("bildung", true, null);
    views.insert(saved);

    assertThat(views.find("bildung")).contains(saved);
  }

  @Test
  void theListHoldsEveryActionFieldByCodeAndAClearEmptiesIt() {
    views.insert(view("sicherheit", true, null));
    views.insert(view("bildung", false, null));
    views.replace(view("bildung", true, null).atSequence(4), 3);

    assertThat(views.list())
        .extracting(v -> v.code().value() + ":" + v.active())
        .containsExactly("bildung:true", "sicherheit:true");

    views.clear();
    assertThat(views.list()).isEmpty();
  }
}
