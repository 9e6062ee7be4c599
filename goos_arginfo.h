/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 1774090fb0ff81791ed8d2c5570495a220fd34a4 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Goos_Scheduler___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_maxProcs, 0, 0, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, n, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Goos_Scheduler_id, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_METHOD(Goos_Scheduler, __construct);
ZEND_METHOD(Goos_Scheduler, maxProcs);
ZEND_METHOD(Goos_Scheduler, id);

static const zend_function_entry class_Goos_Scheduler_methods[] = {
	ZEND_ME(Goos_Scheduler, __construct, arginfo_class_Goos_Scheduler___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Goos_Scheduler, maxProcs, arginfo_class_Goos_Scheduler_maxProcs, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Goos_Scheduler, id, arginfo_class_Goos_Scheduler_id, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static void register_goos_symbols(int module_number)
{
	REGISTER_STRING_CONSTANT("Goos\\VERSION", PHP_GOOS_VERSION, CONST_PERSISTENT);
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
