package de.rathaus.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI description names each body's schema by its class's simple name: two body records of
 * the same simple name (a proposal's {@code LocationInput} and a request's) would be described as
 * one, so one of them would be documented with the other's fields and limits, and the contract
 * check would judge its bodies by the wrong schema. Every record that is, or is part of, a request
 * or response body of a controller has a simple name of its own.
 */
class BodySchemaNamesTest {

  @Test
  void everyBodyRecordHasASimpleNameOfItsOwn() {
    Map<String, Set<String>> byName = new TreeMap<>();
    for (Class<?> body : bodyRecords()) {
      byName.computeIfAbsent(body.getSimpleName(), n -> new TreeSet<>()).add(body.getName());
    }
    assertThat(byName).isNotEmpty();
    Map<String, Set<String>> clashes = new TreeMap<>();
    byName.forEach(
        (name, classes) -> {
          if (classes.size() > 1) {
            clashes.put(name, classes);
          }
        });
    assertThat(clashes).as("body records that share a schema name").isEmpty();
  }

  private static Set<Class<?>> bodyRecords() {
    Deque<Type> pending = new ArrayDeque<>();
    for (JavaClass controller :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.rathaus.api")) {
      if (!controller.isAnnotatedWith(RestController.class)) {
        continue;
      }
      for (Method method : controller.reflect().getDeclaredMethods()) {
        if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
          continue;
        }
        pending.add(method.getGenericReturnType());
        for (Parameter parameter : method.getParameters()) {
          if (parameter.isAnnotationPresent(RequestBody.class)) {
            pending.add(parameter.getParameterizedType());
          }
        }
      }
    }
    Set<Class<?>> records = new HashSet<>();
    Set<Type> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Type type = pending.pop();
      if (!seen.add(type)) {
        continue;
      }
      if (type instanceof ParameterizedType generic) {
        pending.addAll(List.of(generic.getActualTypeArguments()));
        pending.add(generic.getRawType());
      } else if (type instanceof Class<?> c && c.isRecord() && records.add(c)) {
        for (RecordComponent component : c.getRecordComponents()) {
          pending.add(component.getGenericType());
        }
      }
    }
    return records;
  }
}
