dnl goos: Go's concurrency model for PHP, as a Zend extension in C++.
dnl Build: phpize && ./configure --enable-goos && make

PHP_ARG_ENABLE([goos],
  [whether to enable goos],
  [AS_HELP_STRING([--enable-goos], [Enable goos, goroutines for PHP])],
  [no])

PHP_ARG_ENABLE([goos-dev],
  [whether to treat compiler warnings in goos as errors],
  [AS_HELP_STRING([--enable-goos-dev], [goos: warnings are errors (for developers)])],
  [no],
  [no])

if test "$PHP_GOOS" != "no"; then
  dnl Each goroutine thread owns a PHP interpreter of its own: that takes TSRM.
  if test "$PHP_THREAD_SAFETY" != "yes"; then
    AC_MSG_ERROR([goos needs a thread-safe (ZTS) PHP, because every goroutine thread runs its own PHP interpreter, and this PHP is not thread-safe. Build one with scripts/php-zts.sh (see README.md) or configure PHP with --enable-zts, then run phpize and configure with that PHP's php-config (--with-php-config=/path/to/php-config).])
  fi

  PHP_REQUIRE_CXX()
  AC_LANG_PUSH([C++])
  PHP_CXX_COMPILE_STDCXX([20], [mandatory], [GOOS_STDCXX])
  AC_CHECK_HEADER([boost/context/fiber.hpp], [],
    [AC_MSG_ERROR([boost.context headers not found: install libboost-context-dev])])
  AC_LANG_POP([C++])
  PHP_CHECK_LIBRARY([boost_context], [main], [],
    [AC_MSG_ERROR([libboost_context not found: install libboost-context-dev])])
  PHP_ADD_LIBRARY([boost_context], [1], [GOOS_SHARED_LIBADD])
  PHP_ADD_LIBRARY([stdc++], [1], [GOOS_SHARED_LIBADD])
  PHP_SUBST([GOOS_SHARED_LIBADD])

  dnl Every source of the runtime core and of the glue. The runtime core never sees
  dnl a Zend header (CMakeLists.txt builds it without PHP's include path).
  GOOS_SOURCES=`cd "$srcdir" && echo src/runtime/*.cc src/php/*.cc src/php/*/*.cc`

  GOOS_CXXFLAGS="$GOOS_STDCXX -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -fvisibility=hidden -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers"
  if test "$PHP_GOOS_DEV" != "no"; then
    GOOS_CXXFLAGS="$GOOS_CXXFLAGS -Werror"
  fi

  PHP_NEW_EXTENSION([goos], [$GOOS_SOURCES], [$ext_shared], [], [$GOOS_CXXFLAGS], [cxx])
  PHP_ADD_INCLUDE([$ext_srcdir/include])
  PHP_ADD_INCLUDE([$ext_srcdir/src/php])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/runtime], [1])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php], [1])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/api], [1])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/code], [1])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/engine], [1])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/hooks], [1])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/php/transfer], [1])
fi
