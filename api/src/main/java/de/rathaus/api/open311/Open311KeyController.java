package de.rathaus.api.open311;

import de.rathaus.api.open311.Open311KeyResources.IssuedKeyResource;
import de.rathaus.api.open311.Open311KeyResources.KeyPage;
import de.rathaus.api.open311.Open311KeyResources.KeyResource;
import de.rathaus.api.open311.Open311KeyResources.Open311KeyInput;
import de.rathaus.api.open311.Open311KeyResources.Open311KeyRevocationInput;
import de.rathaus.api.shared.NotFound;
import de.rathaus.api.shared.PageLinks;
import de.rathaus.api.shared.ReadYourWrites;
import de.rathaus.api.shared.Refusals;
import de.rathaus.application.open311.FindOpen311Key;
import de.rathaus.application.open311.IssuedOpen311Key;
import de.rathaus.application.open311.ListOpen311Keys;
import de.rathaus.application.open311.Open311KeyAdministration;
import de.rathaus.application.open311.Open311KeyPage;
import de.rathaus.application.open311.Open311KeyProjection;
import de.rathaus.application.open311.Open311KeyView;
import de.rathaus.application.shared.Answers;
import de.rathaus.application.shared.Page;
import de.rathaus.domain.open311.Open311KeyId;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API keys of Open311 clients, for administrators: issue one (the answer shows the key this
 * once; only its SHA-256 is recorded), list them (never a key or a hash), read one, and revoke one.
 * Each change answers once the keys' read model shows it, so a key revoked is refused by the
 * Open311 resources from the revocation's answer on.
 *
 * <p>Issuing takes no {@code Idempotency-Key}: a replayed answer would have to hold the key, which
 * is kept nowhere.
 */
@RestController
@RequestMapping("/api/v1/open311/keys")
public class Open311KeyController {

  private final Open311KeyAdministration administration;
  private final QueryGateway queries;
  private final ReadYourWrites readYourWrites;

  public Open311KeyController(
      Open311KeyAdministration administration,
      QueryGateway queries,
      ReadYourWrites readYourWrites) {
    this.administration = administration;
    this.queries = queries;
    this.readYourWrites = readYourWrites;
  }

  /** Issues a key under a name; the answer is not to be cached anywhere. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public ResponseEntity<IssuedKeyResource> issue(@Valid @RequestBody Open311KeyInput input) {
    IssuedOpen311Key issued =
        readYourWrites.run(() -> administration.issue(input.name()), Open311KeyProjection.NAME);
    return ResponseEntity.created(URI.create("/api/v1/open311/keys/" + issued.id().value()))
        .cacheControl(CacheControl.noStore())
        .body(IssuedKeyResource.of(issued));
  }

  /** The keys, valid and revoked, oldest first; {@code cursor} is the value in a page's next. */
  @GetMapping
  public KeyPage list(
      @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size,
      @RequestParam(required = false) String cursor) {
    Page.requireSize(size);
    Open311KeyPage page =
        Answers.of(
            queries.query(
                new ListOpen311Keys(cursor, size), ResponseTypes.instanceOf(Open311KeyPage.class)));
    return new KeyPage(
        page.items().stream().map(KeyResource::of).toList(), PageLinks.next(page.next()));
  }

  @GetMapping("/{id}")
  public KeyResource get(@PathVariable String id) {
    return KeyResource.of(find(id).orElseThrow(NotFound::new));
  }

  /** Revokes the key (optionally saying why); a key revoked already is 409. */
  @PostMapping("/{id}/revocation")
  @Refusals(409)
  public KeyResource revoke(
      @PathVariable String id,
      @Valid @RequestBody(required = false) Open311KeyRevocationInput input) {
    Open311KeyId key = keyId(id);
    String reason = input == null ? null : input.reason();
    readYourWrites.run(
        () -> {
          administration.revoke(key, reason);
          return null;
        },
        Open311KeyProjection.NAME);
    return KeyResource.of(find(id).orElseThrow(NotFound::new));
  }

  /** Revokes the key, as {@code DELETE} (the key stays listed, marked revoked); 409 if it is. */
  @DeleteMapping("/{id}")
  @Refusals(409)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    Open311KeyId key = keyId(id);
    readYourWrites.run(
        () -> {
          administration.revoke(key, null);
          return null;
        },
        Open311KeyProjection.NAME);
  }

  /** An id of the wrong form names no key: 404, as an unknown one. */
  private static Open311KeyId keyId(String id) {
    if (!Open311KeyId.isWellFormed(id)) {
      throw new NotFound();
    }
    return new Open311KeyId(id);
  }

  private Optional<Open311KeyView> find(String id) {
    return Answers.of(
        queries.query(
            new FindOpen311Key(keyId(id)), ResponseTypes.optionalInstanceOf(Open311KeyView.class)));
  }
}
