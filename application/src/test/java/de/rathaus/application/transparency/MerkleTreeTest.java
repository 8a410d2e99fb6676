package de.rathaus.application.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  /** The leaves of the test vectors of Certificate Transparency's reference implementation. */
  private static final String[] VECTOR_LEAVES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  private static final String[] VECTOR_ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  /** A tree held in memory: every perfect subtree, as a log stores them. */
  private static final class Stored implements MerkleTree.Subtrees {
    final Map<String, byte[]> subtrees = new HashMap<>();
    final Frontier frontier = new Frontier();
    final List<byte[]> leaves = new ArrayList<>();

    void add(byte[] leaf) {
      leaves.add(leaf);
      frontier.add(
          TreeHashes.leafHash(leaf),
          (height, index, hash) -> subtrees.put(height + "/" + index, hash));
    }

    @Override
    public byte[] perfect(int height, long index) {
      byte[] hash = subtrees.get(height + "/" + index);
      if (hash == null) {
        throw new IllegalStateException("not stored: " + height + "/" + index);
      }
      return hash;
    }
  }

  /** MTH as RFC 9162 defines it, from the leaves themselves. */
  private static byte[] mth(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return TreeHashes.emptyRoot();
    }
    if (leaves.size() == 1) {
      return TreeHashes.leafHash(leaves.get(0));
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return TreeHashes.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
  }

  private static Stored tree(int size) {
    Stored tree = new Stored();
    for (int i = 0; i < size; i++) {
      tree.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
    }
    return tree;
  }

  @Test
  void rootsMatchTheReferenceImplementationsVectors() {
    Stored tree = new Stored();
    for (int size = 1; size <= VECTOR_LEAVES.length; size++) {
      tree.add(HexFormat.of().parseHex(VECTOR_LEAVES[size - 1]));
      assertThat(HexFormat.of().formatHex(MerkleTree.root(size, tree)))
          .isEqualTo(VECTOR_ROOTS[size - 1]);
      assertThat(HexFormat.of().formatHex(tree.frontier.root())).isEqualTo(VECTOR_ROOTS[size - 1]);
    }
  }

  @Test
  void theEmptyTreesRootIsTheHashOfNothing() {
    assertThat(HexFormat.of().formatHex(MerkleTree.root(0, new Stored())))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void everyPrefixRootFromStoredSubtreesEqualsTheDefinition() {
    Stored tree = tree(70);
    for (int size = 0; size <= 70; size++) {
      assertThat(MerkleTree.root(size, tree)).isEqualTo(mth(tree.leaves.subList(0, size)));
    }
  }

  @Test
  void aFrontierRestoredFromStoredSubtreesGoesOnAsTheOriginal() {
    Stored tree = tree(45);
    Frontier restored = Frontier.of(45, tree);
    assertThat(restored.root()).isEqualTo(tree.frontier.root());
    byte[] next = TreeHashes.leafHash("next".getBytes(StandardCharsets.UTF_8));
    restored.add(next);
    tree.frontier.add(next);
    assertThat(restored.root()).isEqualTo(tree.frontier.root());
  }

  @Test
  void everyInclusionProofOfSmallTreesVerifies() {
    Stored tree = tree(40);
    for (int size = 1; size <= 40; size++) {
      byte[] root = MerkleTree.root(size, tree);
      for (int m = 0; m < size; m++) {
        List<byte[]> proof = MerkleTree.inclusionProof(m, size, tree);
        assertThat(
                MerkleTree.verifyInclusion(
                    m, size, TreeHashes.leafHash(tree.leaves.get(m)), proof, root))
            .as("leaf %d of %d", m, size)
            .isTrue();
      }
    }
  }

  @Test
  void inclusionProofsOfAThousandRandomLeavesOfALargeTreeVerify() {
    int size = 100_003;
    Stored tree = tree(size);
    byte[] root = MerkleTree.root(size, tree);
    Random random = new Random(12);
    for (int i = 0; i < 1_000; i++) {
      int m = random.nextInt(size);
      List<byte[]> proof = MerkleTree.inclusionProof(m, size, tree);
      assertThat(proof).hasSizeLessThanOrEqualTo(17);
      assertThat(
              MerkleTree.verifyInclusion(
                  m, size, TreeHashes.leafHash(tree.leaves.get(m)), proof, root))
          .isTrue();
    }
  }

  @Test
  void anInclusionProofDoesNotVerifyAnotherLeafOrAnotherIndexOrAChangedProof() {
    Stored tree = tree(21);
    byte[] root = MerkleTree.root(21, tree);
    List<byte[]> proof = MerkleTree.inclusionProof(5, 21, tree);
    byte[] leaf5 = TreeHashes.leafHash(tree.leaves.get(5));
    assertThat(
            MerkleTree.verifyInclusion(5, 21, TreeHashes.leafHash(tree.leaves.get(6)), proof, root))
        .isFalse();
    assertThat(MerkleTree.verifyInclusion(4, 21, leaf5, proof, root)).isFalse();
    // (a root does not commit to its size, which is why a checkpoint signs both)
    List<byte[]> changed = new ArrayList<>(proof);
    byte[] first = changed.get(0).clone();
    first[0] ^= 1;
    changed.set(0, first);
    assertThat(MerkleTree.verifyInclusion(5, 21, leaf5, changed, root)).isFalse();
    assertThat(MerkleTree.verifyInclusion(5, 21, leaf5, proof.subList(1, proof.size()), root))
        .isFalse();
  }

  @Test
  void everyConsistencyProofBetweenSmallTreesVerifies() {
    Stored tree = tree(40);
    for (int to = 1; to <= 40; to++) {
      byte[] toRoot = MerkleTree.root(to, tree);
      for (int from = 1; from <= to; from++) {
        List<byte[]> proof = MerkleTree.consistencyProof(from, to, tree);
        assertThat(
                MerkleTree.verifyConsistency(from, to, MerkleTree.root(from, tree), toRoot, proof))
            .as("%d to %d", from, to)
            .isTrue();
      }
    }
  }

  @Test
  void aConsistencyProofFailsWhenTheHistoryBetweenWasRewritten() {
    Stored tree = tree(30);
    Stored rewritten = new Stored();
    for (int i = 0; i < 30; i++) {
      rewritten.add((i == 7 ? "changed" : "leaf " + i).getBytes(StandardCharsets.UTF_8));
    }
    byte[] oldRoot = MerkleTree.root(10, tree);
    List<byte[]> proof = MerkleTree.consistencyProof(10, 30, rewritten);
    assertThat(MerkleTree.verifyConsistency(10, 30, oldRoot, MerkleTree.root(30, rewritten), proof))
        .isFalse();
  }

  @Test
  void aConsistencyProofFailsForAnotherOldSizeOrAChangedHash() {
    Stored tree = tree(30);
    List<byte[]> proof = MerkleTree.consistencyProof(11, 30, tree);
    byte[] root11 = MerkleTree.root(11, tree);
    byte[] root30 = MerkleTree.root(30, tree);
    assertThat(MerkleTree.verifyConsistency(12, 30, root11, root30, proof)).isFalse();
    List<byte[]> changed = new ArrayList<>(proof);
    byte[] last = changed.get(changed.size() - 1).clone();
    last[31] ^= 1;
    changed.set(changed.size() - 1, last);
    assertThat(MerkleTree.verifyConsistency(11, 30, root11, root30, changed)).isFalse();
    assertThat(MerkleTree.verifyConsistency(11, 30, root11, root30, List.of())).isFalse();
  }

  @Test
  void theSameTreeIsConsistentWithItselfOnlyWithAnEmptyProof() {
    Stored tree = tree(8);
    byte[] root = MerkleTree.root(8, tree);
    assertThat(MerkleTree.verifyConsistency(8, 8, root, root, List.of())).isTrue();
    assertThat(MerkleTree.verifyConsistency(8, 8, root, Arrays.copyOf(root, 32), List.of(root)))
        .isFalse();
  }
}
