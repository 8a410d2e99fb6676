package de.rathaus.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Wiring of what all resources share. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

  @Bean
  public Problems problems(MessageSource messageSource) {
    return new Problems(messageSource);
  }

  /** Request bodies over {@code rathaus.api.max-body-size} (default 256 KB) are refused. */
  @Bean
  public FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      @Value("${rathaus.api.max-body-size:256KB}") DataSize limit,
      Problems problems,
      ObjectMapper json) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(limit.toBytes(), problems, json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
