package de.rathaus.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.rathaus.application.privacy.PersonalDataKeys;
import de.rathaus.infra.eventstore.testapp.CounterApplication;
import de.rathaus.infra.privacy.PersonalRecords.Anonymous;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.context.ConfigurableApplicationContext;

/** How the engine is wired: events are stored protected, the application's mapper stays plain. */
class PersonalDataWiringIT {

  @TempDir Path dataDir;

  @Test
  void theEventSerializerProtectsWhileTheGeneralSerializerAndTheApplicationsMapperDoNot()
      throws Exception {
    try (ConfigurableApplicationContext engine = CounterApplication.start(dataDir.toString())) {
      Serializer events =
          BeanFactoryAnnotationUtils.qualifiedBeanOfType(
              engine.getBeanFactory(), Serializer.class, "eventSerializer");
      Serializer general = engine.getBean(Serializer.class);
      ObjectMapper application = engine.getBean(ObjectMapper.class);
      ObjectMapper protectedMapper = engine.getBean(ProtectedJson.class).mapper();
      Object module = new PersonalDataModule(engine.getBean(SubjectKeyStore.class)).getTypeId();

      assertThat(((JacksonSerializer) events).getObjectMapper()).isSameAs(protectedMapper);
      assertThat(protectedMapper.getRegisteredModuleIds()).contains(module);
      assertThat(((JacksonSerializer) general).getObjectMapper().getRegisteredModuleIds())
          .doesNotContain(module);
      assertThat(application.getRegisteredModuleIds()).doesNotContain(module);
      assertThat(application.writeValueAsString(new Anonymous("citizen-1", "Hinweis")))
          .contains("Hinweis");
      assertThat(engine.getBean(PersonalDataKeys.class))
          .isSameAs(engine.getBean(SubjectKeyStore.class));

      engine.getBean(EventGateway.class).publish(new Anonymous("citizen-1", "Hinweis"));

      Document stored =
          engine
              .getBean(MongoDatabase.class)
              .getCollection("events")
              .find(Filters.eq("payloadType", Anonymous.class.getName()))
              .first();
      assertThat(stored.toJson()).doesNotContain("Hinweis");
      assertThat(
              FieldCipher.Sealed.of(
                      stored.get("payload", Document.class).get("text", Binary.class).getData())
                  .subject())
          .isEqualTo("citizen-1");
      try (Stream<Path> keyFiles = Files.list(dataDir.resolve("keys"))) {
        assertThat(keyFiles.filter(f -> f.toString().endsWith(".key"))).hasSize(1);
      }
      assertThat(engine.getBean(PersonalDataKeys.class).exists("citizen-1")).isTrue();
    }
  }

  @Test
  void keysCanLiveInMongoDb() {
    try (ConfigurableApplicationContext engine =
        CounterApplication.start(dataDir.toString(), "rathaus.privacy.key-store=mongo")) {
      engine.getBean(EventGateway.class).publish(new Anonymous("citizen-2", "Hinweis"));

      MongoDatabase database = engine.getBean(MongoDatabase.class);
      assertThat(
              database
                  .getCollection(MongoSubjectKeyStore.COLLECTION)
                  .countDocuments(Filters.eq("_id", "citizen-2")))
          .isEqualTo(1);
      assertThat(Files.exists(dataDir.resolve("keys"))).isFalse();
    }
  }
}
