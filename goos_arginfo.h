/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 5f6e1fc0c71d30bc5b1aa5a397786e4ca5ae703b */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_go, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, fn, IS_CALLABLE, 0)
	ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_Goos_go arginfo_go

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_Goos_recv, 0, 1, Goos\\SelectCase, 0)
	ZEND_ARG_OBJ_INFO(0, chan, Goos\\Chan, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_Goos_send, 0, 2, Goos\\SelectCase, 0)
	ZEND_ARG_OBJ_INFO(0, chan, Goos\\Chan, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_Goos_select, 0, 1, Goos\\Selected, 0)
	ZEND_ARG_TYPE_INFO(0, cases, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, block, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Goos_Scheduler___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_maxProcs, 0, 0, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, n, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_id, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_join, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_yield, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_Scheduler_numGoroutine arginfo_class_Goos_Scheduler_id

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_noPreempt, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, fn, IS_CALLABLE, 0)
	ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_stats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_dump, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_Time___construct arginfo_class_Goos_Scheduler___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Time_sleep, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Goos_Time_after, 0, 1, Goos\\Chan, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Goos_Time_tick, 0, 1, Goos\\Ticker, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Goos_Chan___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, capacity, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Chan_send, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Chan_recv, 0, 0, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(1, ok, _IS_BOOL, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Chan_trySend, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Chan_tryRecv, 0, 0, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(1, ok, _IS_BOOL, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_Chan_close arginfo_class_Goos_Scheduler_yield

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Chan_isClosed, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_Chan_capacity arginfo_class_Goos_Scheduler_id

#define arginfo_class_Goos_Chan_count arginfo_class_Goos_Scheduler_id

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Goos_Chan_getIterator, 0, 0, Iterator, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_ChanIterator___construct arginfo_class_Goos_Scheduler___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_ChanIterator_current, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_ChanIterator_key arginfo_class_Goos_ChanIterator_current

#define arginfo_class_Goos_ChanIterator_next arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_ChanIterator_rewind arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_ChanIterator_valid arginfo_class_Goos_Chan_isClosed

#define arginfo_class_Goos_SelectCase___construct arginfo_class_Goos_Scheduler___construct

#define arginfo_class_Goos_Selected___construct arginfo_class_Goos_Scheduler___construct

#define arginfo_class_Goos_Mutex___construct arginfo_class_Goos_Scheduler___construct

#define arginfo_class_Goos_Mutex_lock arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_Mutex_tryLock arginfo_class_Goos_Chan_isClosed

#define arginfo_class_Goos_Mutex_unlock arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_RWMutex___construct arginfo_class_Goos_Scheduler___construct

#define arginfo_class_Goos_RWMutex_lock arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_RWMutex_tryLock arginfo_class_Goos_Chan_isClosed

#define arginfo_class_Goos_RWMutex_unlock arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_RWMutex_rLock arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_RWMutex_tryRLock arginfo_class_Goos_Chan_isClosed

#define arginfo_class_Goos_RWMutex_rUnlock arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_WaitGroup___construct arginfo_class_Goos_Scheduler___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_WaitGroup_add, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, delta, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_WaitGroup_done arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_WaitGroup_wait arginfo_class_Goos_Scheduler_join

#define arginfo_class_Goos_WaitGroup_count arginfo_class_Goos_Scheduler_id

#define arginfo_class_Goos_Once___construct arginfo_class_Goos_Scheduler___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Once_do, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, fn, IS_CALLABLE, 0)
	ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_Once_isDone arginfo_class_Goos_Chan_isClosed

#define arginfo_class_Goos_Ticker___construct arginfo_class_Goos_Scheduler___construct

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Goos_Ticker_channel, 0, 0, Goos\\Chan, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Goos_Ticker_stop arginfo_class_Goos_Scheduler_yield

#define arginfo_class_Goos_Ticker_reset arginfo_class_Goos_Time_sleep

ZEND_FUNCTION(go);
ZEND_FUNCTION(Goos_go);
ZEND_FUNCTION(Goos_recv);
ZEND_FUNCTION(Goos_send);
ZEND_FUNCTION(Goos_select);
ZEND_METHOD(Goos_Scheduler, __construct);
ZEND_METHOD(Goos_Scheduler, maxProcs);
ZEND_METHOD(Goos_Scheduler, id);
ZEND_METHOD(Goos_Scheduler, join);
ZEND_METHOD(Goos_Scheduler, yield);
ZEND_METHOD(Goos_Scheduler, numGoroutine);
ZEND_METHOD(Goos_Scheduler, noPreempt);
ZEND_METHOD(Goos_Scheduler, stats);
ZEND_METHOD(Goos_Scheduler, dump);
ZEND_METHOD(Goos_Time, __construct);
ZEND_METHOD(Goos_Time, sleep);
ZEND_METHOD(Goos_Time, after);
ZEND_METHOD(Goos_Time, tick);
ZEND_METHOD(Goos_Chan, __construct);
ZEND_METHOD(Goos_Chan, send);
ZEND_METHOD(Goos_Chan, recv);
ZEND_METHOD(Goos_Chan, trySend);
ZEND_METHOD(Goos_Chan, tryRecv);
ZEND_METHOD(Goos_Chan, close);
ZEND_METHOD(Goos_Chan, isClosed);
ZEND_METHOD(Goos_Chan, capacity);
ZEND_METHOD(Goos_Chan, count);
ZEND_METHOD(Goos_Chan, getIterator);
ZEND_METHOD(Goos_ChanIterator, __construct);
ZEND_METHOD(Goos_ChanIterator, current);
ZEND_METHOD(Goos_ChanIterator, key);
ZEND_METHOD(Goos_ChanIterator, next);
ZEND_METHOD(Goos_ChanIterator, rewind);
ZEND_METHOD(Goos_ChanIterator, valid);
ZEND_METHOD(Goos_SelectCase, __construct);
ZEND_METHOD(Goos_Selected, __construct);
ZEND_METHOD(Goos_Mutex, __construct);
ZEND_METHOD(Goos_Mutex, lock);
ZEND_METHOD(Goos_Mutex, tryLock);
ZEND_METHOD(Goos_Mutex, unlock);
ZEND_METHOD(Goos_RWMutex, __construct);
ZEND_METHOD(Goos_RWMutex, lock);
ZEND_METHOD(Goos_RWMutex, tryLock);
ZEND_METHOD(Goos_RWMutex, unlock);
ZEND_METHOD(Goos_RWMutex, rLock);
ZEND_METHOD(Goos_RWMutex, tryRLock);
ZEND_METHOD(Goos_RWMutex, rUnlock);
ZEND_METHOD(Goos_WaitGroup, __construct);
ZEND_METHOD(Goos_WaitGroup, add);
ZEND_METHOD(Goos_WaitGroup, done);
ZEND_METHOD(Goos_WaitGroup, wait);
ZEND_METHOD(Goos_WaitGroup, count);
ZEND_METHOD(Goos_Once, __construct);
ZEND_METHOD(Goos_Once, do);
ZEND_METHOD(Goos_Once, isDone);
ZEND_METHOD(Goos_Ticker, __construct);
ZEND_METHOD(Goos_Ticker, channel);
ZEND_METHOD(Goos_Ticker, stop);
ZEND_METHOD(Goos_Ticker, reset);

static const zend_function_entry ext_functions[] = {
	ZEND_FE(go, arginfo_go)
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "go"), zif_Goos_go, arginfo_Goos_go, 0, NULL, NULL)
#else
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "go"), zif_Goos_go, arginfo_Goos_go, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "recv"), zif_Goos_recv, arginfo_Goos_recv, 0, NULL, NULL)
#else
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "recv"), zif_Goos_recv, arginfo_Goos_recv, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "send"), zif_Goos_send, arginfo_Goos_send, 0, NULL, NULL)
#else
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "send"), zif_Goos_send, arginfo_Goos_send, 0)
#endif
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "select"), zif_Goos_select, arginfo_Goos_select, 0, NULL, NULL)
#else
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "select"), zif_Goos_select, arginfo_Goos_select, 0)
#endif
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Scheduler_methods[] = {
	ZEND_ME(Goos_Scheduler, __construct, arginfo_class_Goos_Scheduler___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Goos_Scheduler, maxProcs, arginfo_class_Goos_Scheduler_maxProcs, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, id, arginfo_class_Goos_Scheduler_id, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, join, arginfo_class_Goos_Scheduler_join, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, yield, arginfo_class_Goos_Scheduler_yield, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, numGoroutine, arginfo_class_Goos_Scheduler_numGoroutine, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, noPreempt, arginfo_class_Goos_Scheduler_noPreempt, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, stats, arginfo_class_Goos_Scheduler_stats, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, dump, arginfo_class_Goos_Scheduler_dump, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Time_methods[] = {
	ZEND_ME(Goos_Time, __construct, arginfo_class_Goos_Time___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Goos_Time, sleep, arginfo_class_Goos_Time_sleep, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Time, after, arginfo_class_Goos_Time_after, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Time, tick, arginfo_class_Goos_Time_tick, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Chan_methods[] = {
	ZEND_ME(Goos_Chan, __construct, arginfo_class_Goos_Chan___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, send, arginfo_class_Goos_Chan_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, recv, arginfo_class_Goos_Chan_recv, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, trySend, arginfo_class_Goos_Chan_trySend, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, tryRecv, arginfo_class_Goos_Chan_tryRecv, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, close, arginfo_class_Goos_Chan_close, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, isClosed, arginfo_class_Goos_Chan_isClosed, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, capacity, arginfo_class_Goos_Chan_capacity, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, count, arginfo_class_Goos_Chan_count, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Chan, getIterator, arginfo_class_Goos_Chan_getIterator, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_ChanIterator_methods[] = {
	ZEND_ME(Goos_ChanIterator, __construct, arginfo_class_Goos_ChanIterator___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Goos_ChanIterator, current, arginfo_class_Goos_ChanIterator_current, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_ChanIterator, key, arginfo_class_Goos_ChanIterator_key, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_ChanIterator, next, arginfo_class_Goos_ChanIterator_next, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_ChanIterator, rewind, arginfo_class_Goos_ChanIterator_rewind, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_ChanIterator, valid, arginfo_class_Goos_ChanIterator_valid, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_SelectCase_methods[] = {
	ZEND_ME(Goos_SelectCase, __construct, arginfo_class_Goos_SelectCase___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Selected_methods[] = {
	ZEND_ME(Goos_Selected, __construct, arginfo_class_Goos_Selected___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Mutex_methods[] = {
	ZEND_ME(Goos_Mutex, __construct, arginfo_class_Goos_Mutex___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Mutex, lock, arginfo_class_Goos_Mutex_lock, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Mutex, tryLock, arginfo_class_Goos_Mutex_tryLock, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Mutex, unlock, arginfo_class_Goos_Mutex_unlock, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_RWMutex_methods[] = {
	ZEND_ME(Goos_RWMutex, __construct, arginfo_class_Goos_RWMutex___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_RWMutex, lock, arginfo_class_Goos_RWMutex_lock, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_RWMutex, tryLock, arginfo_class_Goos_RWMutex_tryLock, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_RWMutex, unlock, arginfo_class_Goos_RWMutex_unlock, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_RWMutex, rLock, arginfo_class_Goos_RWMutex_rLock, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_RWMutex, tryRLock, arginfo_class_Goos_RWMutex_tryRLock, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_RWMutex, rUnlock, arginfo_class_Goos_RWMutex_rUnlock, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_WaitGroup_methods[] = {
	ZEND_ME(Goos_WaitGroup, __construct, arginfo_class_Goos_WaitGroup___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_WaitGroup, add, arginfo_class_Goos_WaitGroup_add, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_WaitGroup, done, arginfo_class_Goos_WaitGroup_done, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_WaitGroup, wait, arginfo_class_Goos_WaitGroup_wait, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_WaitGroup, count, arginfo_class_Goos_WaitGroup_count, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Once_methods[] = {
	ZEND_ME(Goos_Once, __construct, arginfo_class_Goos_Once___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Once, do, arginfo_class_Goos_Once_do, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Once, isDone, arginfo_class_Goos_Once_isDone, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Ticker_methods[] = {
	ZEND_ME(Goos_Ticker, __construct, arginfo_class_Goos_Ticker___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Goos_Ticker, channel, arginfo_class_Goos_Ticker_channel, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Ticker, stop, arginfo_class_Goos_Ticker_stop, ZEND_ACC_PUBLIC)
	ZEND_ME(Goos_Ticker, reset, arginfo_class_Goos_Ticker_reset, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static void register_goos_symbols(int module_number)
{
	REGISTER_STRING_CONSTANT("Goos\\VERSION", PHP_GOOS_VERSION, CONST_PERSISTENT);
}

static zend_class_entry *register_class_Goos_TransferError(zend_class_entry *class_entry_Error)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "TransferError", NULL);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, class_entry_Error, 0);
#else
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Error);
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_ConnectionBusyError(zend_class_entry *class_entry_Error)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "ConnectionBusyError", NULL);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, class_entry_Error, 0);
#else
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Error);
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_Scheduler(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "Scheduler", class_Goos_Scheduler_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_Time(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "Time", class_Goos_Time_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_ChanClosedError(zend_class_entry *class_entry_Error)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "ChanClosedError", NULL);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, class_entry_Error, 0);
#else
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Error);
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_Chan(zend_class_entry *class_entry_IteratorAggregate, zend_class_entry *class_entry_Countable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "Chan", class_Goos_Chan_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif
	zend_class_implements(class_entry, 2, class_entry_IteratorAggregate, class_entry_Countable);

	return class_entry;
}

static zend_class_entry *register_class_Goos_ChanIterator(zend_class_entry *class_entry_Iterator)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "ChanIterator", class_Goos_ChanIterator_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif
	zend_class_implements(class_entry, 1, class_entry_Iterator);

	return class_entry;
}

static zend_class_entry *register_class_Goos_SelectCase(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "SelectCase", class_Goos_SelectCase_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_Selected(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "Selected", class_Goos_Selected_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
#endif

	zval property_key_default_value;
	ZVAL_UNDEF(&property_key_default_value);
	zend_string *property_key_name = zend_string_init("key", sizeof("key") - 1, 1);
	zend_declare_typed_property(class_entry, property_key_name, &property_key_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_key_name);

	zval property_value_default_value;
	ZVAL_UNDEF(&property_value_default_value);
	zend_string *property_value_name = zend_string_init("value", sizeof("value") - 1, 1);
	zend_declare_typed_property(class_entry, property_value_name, &property_value_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ANY));
	zend_string_release(property_value_name);

	zval property_ok_default_value;
	ZVAL_UNDEF(&property_ok_default_value);
	zend_string *property_ok_name = zend_string_init("ok", sizeof("ok") - 1, 1);
	zend_declare_typed_property(class_entry, property_ok_name, &property_ok_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_ok_name);

	return class_entry;
}

static zend_class_entry *register_class_Goos_Mutex(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "Mutex", class_Goos_Mutex_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_RWMutex(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "RWMutex", class_Goos_RWMutex_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_WaitGroup(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "WaitGroup", class_Goos_WaitGroup_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_Once(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "Once", class_Goos_Once_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif

	return class_entry;
}

static zend_class_entry *register_class_Goos_Ticker(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Goos", "Ticker", class_Goos_Ticker_methods);
#if (PHP_VERSION_ID >= 80400)
	class_entry = zend_register_internal_class_with_flags(&ce, NULL, ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE);
#else
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
#endif

	return class_entry;
}
