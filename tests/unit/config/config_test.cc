#include "goos/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace goos {
namespace {

TEST(config, max_procs_zero_means_one_per_cpu) {
  auto parsed = parse_max_procs("0");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed.value, 0);
  EXPECT_EQ(effective_max_procs(0), cpu_count());
  EXPECT_GE(cpu_count(), 1);
}

TEST(config, max_procs_accepts_whole_numbers_in_range) {
  EXPECT_EQ(*parse_max_procs("1").value, 1);
  EXPECT_EQ(*parse_max_procs(" 8 ").value, 8);
  EXPECT_EQ(*parse_max_procs("256").value, 256);
  EXPECT_EQ(effective_max_procs(3), 3);
}

TEST(config, max_procs_rejects_garbage_with_a_message_naming_the_value) {
  for (const char* bad : {"", "-1", "257", "two", "2.5", "4x", "99999999999999999999"}) {
    auto parsed = parse_max_procs(bad);
    EXPECT_FALSE(parsed) << bad;
    EXPECT_NE(parsed.error.find(std::string("\"") + bad + "\""), std::string::npos) << parsed.error;
    EXPECT_NE(parsed.error.find("from 1 to 256"), std::string::npos) << parsed.error;
  }
}

TEST(config, preempt_ms_zero_turns_preemption_off) {
  EXPECT_EQ(*parse_preempt_ms("0").value, 0);
  EXPECT_EQ(*parse_preempt_ms("10").value, 10);
  EXPECT_EQ(*parse_preempt_ms("60000").value, 60000);
}

TEST(config, preempt_ms_rejects_out_of_range) {
  for (const char* bad : {"-5", "60001", "10ms", "", "abc"}) {
    auto parsed = parse_preempt_ms(bad);
    EXPECT_FALSE(parsed) << bad;
    EXPECT_NE(parsed.error.find("milliseconds"), std::string::npos);
  }
}

TEST(config, stack_size_understands_suffixes_and_rounds_to_pages) {
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  EXPECT_EQ(*parse_stack_size("256K").value, 256u * 1024);
  EXPECT_EQ(*parse_stack_size("256k").value, 256u * 1024);
  EXPECT_EQ(*parse_stack_size("2M").value, 2u * 1024 * 1024);
  EXPECT_EQ(*parse_stack_size("1G").value, 1u << 30);
  EXPECT_EQ(*parse_stack_size("65536").value, 65536u);
  EXPECT_EQ(*parse_stack_size("20000").value % page, 0u);
  EXPECT_GE(*parse_stack_size("20000").value, 20000u);
}

TEST(config, stack_size_rejects_too_small_too_large_and_garbage) {
  for (const char* bad : {"8K", "2G", "0", "-1M", "M", "12Q", "", "1.5M", "9999999999999G"}) {
    auto parsed = parse_stack_size(bad);
    EXPECT_FALSE(parsed) << bad;
    EXPECT_NE(parsed.error.find("from 16K to 1G"), std::string::npos) << parsed.error;
  }
}

}  // namespace
}  // namespace goos
