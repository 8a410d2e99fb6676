package de.rathaus.application.transparency;

import java.util.List;
import java.util.Optional;

/** The read model {@value CheckpointProjection#NAME}: every recorded checkpoint, by ordinal. */
public interface Checkpoints {

  /** Stores a checkpoint; storing the same one again changes nothing. */
  void put(CheckpointView checkpoint);

  /** The checkpoint with the highest ordinal. */
  Optional<CheckpointView> latest();

  /** The checkpoints with ordinals {@code below − 1} down to {@code below − size}, newest first. */
  List<CheckpointView> before(long below, int size);

  /** The checkpoint that covers exactly {@code treeSize} leaves, if one was recorded. */
  Optional<CheckpointView> ofSize(long treeSize);

  void clear();
}
