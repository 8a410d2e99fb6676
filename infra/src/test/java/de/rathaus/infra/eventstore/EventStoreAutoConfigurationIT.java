package de.rathaus.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.rathaus.infra.eventstore.testapp.CounterApi;
import de.rathaus.infra.eventstore.testapp.CounterApplication;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's wiring when the storage configuration offers no {@link StoreDurability} bean. */
class EventStoreAutoConfigurationIT {

  @TempDir Path dataDir;

  @Test
  void withoutADurabilityBeanTheEngineReliesOnTheWriteConcern() {
    try (ConfigurableApplicationContext engine =
        CounterApplication.start(
            dataDir.toString(), "spring.main.sources=" + NoDurabilityBean.class.getName())) {
      assertThat(engine.getBeanNamesForType(StoreDurability.class)).isEmpty();

      engine.getBean(CommandGateway.class).sendAndWait(new CounterApi.OpenCounter("c-1"));

      assertThat(engine.getBean(EventStore.class).readEvents("c-1").asStream().count())
          .isEqualTo(1);
    }
  }

  /** Removes the storage configuration's durability bean, as a durable embedded server will. */
  @Configuration(proxyBeanMethods = false)
  static class NoDurabilityBean {
    @Bean
    static BeanDefinitionRegistryPostProcessor withoutStoreDurability() {
      return new BeanDefinitionRegistryPostProcessor() {
        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
          if (registry.containsBeanDefinition("storeDurability")) {
            registry.removeBeanDefinition("storeDurability");
          }
        }
      };
    }
  }
}
