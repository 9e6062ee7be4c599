/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 9c3226fb7985bd099548ae08200037353c064488 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_go, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, fn, IS_CALLABLE, 0)
	ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_Goos_go arginfo_go

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

#define arginfo_class_Goos_Time___construct arginfo_class_Goos_Scheduler___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Time_sleep, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_FUNCTION(go);
ZEND_FUNCTION(Goos_go);
ZEND_METHOD(Goos_Scheduler, __construct);
ZEND_METHOD(Goos_Scheduler, maxProcs);
ZEND_METHOD(Goos_Scheduler, id);
ZEND_METHOD(Goos_Scheduler, join);
ZEND_METHOD(Goos_Scheduler, yield);
ZEND_METHOD(Goos_Scheduler, numGoroutine);
ZEND_METHOD(Goos_Scheduler, noPreempt);
ZEND_METHOD(Goos_Scheduler, stats);
ZEND_METHOD(Goos_Time, __construct);
ZEND_METHOD(Goos_Time, sleep);

static const zend_function_entry ext_functions[] = {
	ZEND_FE(go, arginfo_go)
#if (PHP_VERSION_ID >= 80400)
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "go"), zif_Goos_go, arginfo_Goos_go, 0, NULL, NULL)
#else
	ZEND_RAW_FENTRY(ZEND_NS_NAME("Goos", "go"), zif_Goos_go, arginfo_Goos_go, 0)
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
	ZEND_FE_END
};

static const zend_function_entry class_Goos_Time_methods[] = {
	ZEND_ME(Goos_Time, __construct, arginfo_class_Goos_Time___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Goos_Time, sleep, arginfo_class_Goos_Time_sleep, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
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
