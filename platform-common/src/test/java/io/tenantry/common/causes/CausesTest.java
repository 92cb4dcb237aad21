package io.tenantry.common.causes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CausesTest {

  @Test
  void findsTheFirstOfATypeDeepInTheChain() {
    IOException root = new IOException("refused");
    RuntimeException wrapped = new RuntimeException(new IllegalStateException(root));

    assertThat(Causes.find(wrapped, IOException.class)).containsSame(root);
    assertThat(Causes.find(wrapped, RuntimeException.class)).containsSame(wrapped);
    assertThat(Causes.find(wrapped, ArithmeticException.class)).isEmpty();
  }

  @Test
  void unwrapStripsOnlyTheWrappers() {
    IOException root = new IOException("refused");
    CompletionException twice = new CompletionException(new CompletionException(root));

    assertThat(Causes.unwrap(twice, CompletionException.class)).isSameAs(root);
    assertThat(Causes.unwrap(root, CompletionException.class)).isSameAs(root);
  }

  @Test
  void aWrapperWithoutCauseIsWhatRemains() {
    CompletionException bare = new CompletionException("no cause", null);

    assertThat(Causes.unwrap(bare, CompletionException.class)).isSameAs(bare);
  }
}
