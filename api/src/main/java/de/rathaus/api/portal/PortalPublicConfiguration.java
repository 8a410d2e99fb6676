package de.rathaus.api.portal;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readers of the portal's public participation and statistics pages. */
@Configuration(proxyBeanMethods = false)
public class PortalPublicConfiguration {

  @Bean
  PortalParticipation portalParticipation(QueryGateway queries) {
    return new PortalParticipation(queries);
  }

  @Bean
  PortalStatistics portalStatistics(QueryGateway queries) {
    return new PortalStatistics(queries);
  }
}
