package de.rathaus.api.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.rathaus.api.shared.HourlyLimit;
import de.rathaus.api.shared.ReadModelProgress;
import de.rathaus.api.shared.ReadModels;
import de.rathaus.application.open311.Open311Projection;
import de.rathaus.application.open311.PublicRequests;
import de.rathaus.application.shared.AppliedSequences;
import de.rathaus.domain.servicerequest.ServiceRequest;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts Open311 GeoReport v2 in the engine: its read model, its limits, its answers and errors. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Properties.class)
public class Open311Configuration {

  @Bean
  public Open311Projection open311Projection(PublicRequests views) {
    return new Open311Projection(views);
  }

  /** The public requests, on their own processor {@value Open311Projection#NAME}. */
  @Bean
  public ConfigurerModule open311Processor(ReadModelProgress progress, PublicRequests views) {
    return ReadModels.readModel(
        Open311Projection.NAME,
        Open311Projection.class,
        progress,
        ServiceRequest.class,
        AppliedSequences.of(views));
  }

  @Bean
  Open311Answers open311Answers(ObjectMapper json) {
    return new Open311Answers(json);
  }

  /**
   * Open311's errors: a resolver bean of the highest precedence, which the dispatcher asks before
   * the API's handlers (see {@link Open311Errors}).
   */
  @Bean
  Open311Errors open311Errors(Open311Answers answers) {
    return new Open311Errors(answers);
  }

  /** Submissions per API key and per client address within any hour. */
  @Bean
  Open311Limits open311Limits(Open311Properties properties, Clock clock) {
    return new Open311Limits(
        new HourlyLimit("Open311 requests of a key", properties.requestsPerHourPerKey(), clock),
        new HourlyLimit(
            "Open311 requests from an address", properties.requestsPerHourPerAddress(), clock));
  }

  /** The two hourly limits of submissions. */
  record Open311Limits(HourlyLimit perKey, HourlyLimit perAddress) {}

  /**
   * No XML for the rest of the API: the XML module on the class path would make Spring MVC offer
   * XML to every resource, whose contract is JSON. Open311 writes its XML itself ({@link
   * Open311Answers}).
   */
  @Bean
  WebMvcConfigurer open311Web() {
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(MappingJackson2XmlHttpMessageConverter.class::isInstance);
      }
    };
  }
}
