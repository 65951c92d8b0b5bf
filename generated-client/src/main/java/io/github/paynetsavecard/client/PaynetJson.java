package io.github.paynetsavecard.client;

import com.squareup.moshi.Moshi;

/** The one Moshi the client reads and writes Paynet's JSON with. */
final class PaynetJson {

  static final Moshi MOSHI = new Moshi.Builder()
      .add(Integer.class, new PaynetIntegerAdapter().nullSafe())
      .add(int.class, new PaynetIntegerAdapter().nonNull())
      .build();

  private PaynetJson() {
  }
}
