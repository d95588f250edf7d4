"""清川县政务服务事项实施清单（演示数据）。

每个事项是一个普通 dict（字段见模块末尾 ITEMS 的说明）。为避免上百个事项重复书写同样的键，
本模块用几个不依赖任何第三方库的小函数（_m、_agent、_steps、_item …）拼装字典；
导入后 ITEMS 就是纯粹的 list[dict]，可直接交给加载程序。

编码规则（参照 GB/T 39554.1 的思路，虚构）：
- basic_code（基本编码，12 位）＝ "00" + 事项类型 2 位（01 行政许可、05 行政给付、07 行政确认、
  08 行政奖励、09 行政裁决、10 其他行政权力、20 公共服务）+ 主管部门 3 位 + 主项 2 位 + 子项 3 位；
- code（实施编码，31 位）＝ 实施主体统一社会信用代码 18 位 + 行使层级 1 位（1 国家 … 4 县 5 镇 6 村）
  + 基本编码 12 位。统一社会信用代码为虚构，但校验位按 GB 32100 计算。
"""

from .departments import DEPARTMENTS

# 实施主体统一社会信用代码（虚构，校验位正确）。
_ORG = {
    "QCFGJ": "11519901MB226371XB",
    "QCJYJ": "11519901MB4597561N",
    "QCGAJ": "11519901MB07619428",
    "QCMZJ": "11519901MB7993201F",
    "QCSFJ": "11519901MB1075696H",
    "QCCZJ": "11519901MB9730616R",
    "QCRSJ": "11519901MB7411283L",
    "QCZRJ": "11519901MB7537417J",
    "QCBDC": "12519901MB4528048U",
    "QCSTHJ": "11519901MB9836429N",
    "QCZJJ": "11519901MB1515006L",
    "QCJTJ": "11519901MB7557274K",
    "QCSLJ": "11519901MB3130441D",
    "QCNYJ": "11519901MB801903XA",
    "QCLYJ": "11519901MB6991642Q",
    "QCSHWJ": "11519901MB9494000P",
    "QCWLJ": "11519901MB95416202",
    "QCWJJ": "11519901MB433776X5",
    "QCTYJ": "11519901MB5096013D",
    "QCYJJ": "11519901MB5546651K",
    "QCSCJG": "11519901MB820530XQ",
    "QCYBJ": "11519901MB9547993Y",
    "QCCGJ": "11519901MB192722XR",
    "QCQXJ": "12519901MB921956X2",
    "QCSWJ": "11519901MB85951680",
    "QCXFJY": "11519901MB0392702W",
    "QCGJJ": "12519901MB6708042B",
    "QCCL": "51519901MB1152778L",
    "QCDAG": "12519901MB6035765X",
    "QCYCJ": "11519901MB0156531A",
    "QCGZC": "12519901MB3732629A",
    "QCGDGS": "91519901MA7F4C833A",
    "QCZLS": "91519901MA5A02HH8T",
    "QCRQGS": "91519901MA52D3G76U",
}

_LEVEL_DIGIT = {"国家级": "1", "省级": "2", "市级": "3", "县级": "4", "镇级": "5", "村级": "6"}
_STATIONED = {d["code"]: d["stationed"] for d in DEPARTMENTS}
_ROLE = {"w": "window_clerk", "a": "approver", "c": "chief_representative"}
_UNIT_TEXT = {"working_days": "个工作日", "natural_days": "日", "hours": "小时"}


def _m(name, necessity="required", form="original", copies=1, source="applicant", condition="",
       notes="", standard="", basis="", commit=False, paper="A4"):
    """一份申请材料。"""
    return {
        "name": name,
        "necessity": necessity,
        "condition": condition,
        "form": form,
        "copies": copies,
        "paper_size": paper,
        "source": source,
        "filling_notes": notes,
        "acceptance_standard": standard,
        "legal_basis": basis,
        "commitment_allowed": commit,
    }


def _id(who="申请人", condition="", necessity="required"):
    """身份证明：可通过电子证照共享获取。"""
    return _m(f"{who}身份证明", necessity=necessity, condition=condition, source="government",
              notes="居民身份证、临时居民身份证、港澳台居民居住证或护照等有效身份证件原件；"
                    "已在“天府通办”领取电子身份证照的，可现场亮证或由系统共享调取，免于提交复印件",
              standard="证件真实有效、在有效期内，与申请书填写信息一致")


def _licence(necessity="required", condition=""):
    """营业执照：电子证照库共享获取。"""
    return _m("营业执照或其他主体资格证明", necessity=necessity, condition=condition, form="electronic",
              source="government",
              notes="已在电子证照库中的营业执照由系统共享调取，申请人无需提交纸质材料",
              standard="主体资格有效，名称、统一社会信用代码与申请书一致")


def _agent(basis=""):
    """委托代理人办理时的两份材料。"""
    return [
        _m("授权委托书", necessity="conditional", condition="委托代理人办理的",
           notes="载明委托事项、权限和期限，委托人签字（单位加盖公章）",
           standard="委托事项与所办事项一致，签字盖章齐全，在委托期限内", basis=basis),
        _m("委托代理人身份证明", necessity="conditional", condition="委托代理人办理的", source="government",
           notes="代理人有效身份证件原件，窗口核验后返还",
           standard="证件真实有效，与授权委托书载明的代理人一致", basis=basis),
    ]


def _steps(*spec):
    """办理环节：("名称", "w"|"a"|"c", 时限工作日)。w 窗口人员，a 审批人员，c 首席代表。"""
    return [{"name": n, "role": _ROLE[r], "budget_days": d} for n, r, d in spec]


def _now():
    """即办件的标准三步：当场受理、首席代表（或授权窗口）当场审核、当场办结。"""
    return _steps(("受理", "w", 0), ("审核", "c", 0), ("办结", "w", 0))


def _fee(name, standard, basis, reducible=False):
    return {"name": name, "standard": standard, "basis": basis, "reducible": reducible}


def _sp(name, duration, basis, stops=True):
    return {"name": name, "duration": duration, "legal_basis": basis, "stops_clock": stops}


def _q(question, answer):
    return {"question": question, "answer": answer}


def _item(*, basic_code, name, department, item_type, case_type, legal_basis_set, legal_basis_impl,
          legal_limit, promised_limit, materials, steps, acceptance_conditions,
          legal_limit_unit="working_days", promised_limit_unit="working_days",
          legal_limit_note="", promised_limit_note="", exercise_level="县级",
          power_source="法定本级行使", visits_required=1, process_description="",
          handling_form="窗口办理、网上办理", anywhere_scope="无", online_depth=3, stationed=None,
          supports_appointment=True, supports_delivery=True, supports_online_payment=False,
          result_type="证照", result_name="", audience="both", themes=(), fees=(),
          special_procedures=(), faqs=()):
    if not legal_limit_note:
        if legal_limit == 0:
            legal_limit_note = "法律法规未规定办理时限，按即时办结要求当场办理"
        else:
            legal_limit_note = f"自受理之日起{legal_limit}{_UNIT_TEXT[legal_limit_unit]}内办结"
    if not promised_limit_note and case_type == "即办件":
        promised_limit_note = "材料齐全、符合法定形式的，当场办结"
    if not process_description:
        names = [s["name"] for s in steps]
        tail = [] if names[-1] in ("送达", "办结", "发证", "出件") else ["送达"]
        process_description = "→".join(["申请"] + names + tail)
    return {
        "basic_code": basic_code,
        "code": _ORG[department] + _LEVEL_DIGIT[exercise_level] + basic_code,
        "name": name,
        "department": department,
        "item_type": item_type,
        "exercise_level": exercise_level,
        "legal_basis_set": legal_basis_set,
        "legal_basis_impl": legal_basis_impl,
        "power_source": power_source,
        "case_type": case_type,
        "legal_limit": legal_limit,
        "legal_limit_unit": legal_limit_unit,
        "legal_limit_note": legal_limit_note,
        "promised_limit": promised_limit,
        "promised_limit_unit": promised_limit_unit,
        "promised_limit_note": promised_limit_note,
        "visits_required": visits_required,
        "acceptance_conditions": acceptance_conditions,
        "process_description": process_description,
        "handling_form": handling_form,
        "anywhere_scope": anywhere_scope,
        "online_depth": online_depth,
        "stationed": _STATIONED[department] if stationed is None else stationed,
        "supports_appointment": supports_appointment,
        "supports_delivery": supports_delivery,
        "supports_online_payment": supports_online_payment,
        "result_type": result_type,
        "result_name": result_name,
        "audience": audience,
        "themes": list(themes),
        "fees": list(fees),
        "special_procedures": list(special_procedures),
        "steps": steps,
        "faqs": list(faqs),
        "materials": materials,
    }


_XKF = "《中华人民共和国行政许可法》"
_SCDJ = "《中华人民共和国市场主体登记管理条例》"
_SCDJ_XZ = "《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第52号）"
_SPJY = "《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）"
_BDC = "《不动产登记暂行条例》"
_BDC_XZ = "《不动产登记暂行条例实施细则》（国土资源部令第63号，2024年修正）"
_BDC_FEE = "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）"

ITEMS = []

# ---------------------------------------------------------------- 市场监督管理局
ITEMS += [
    _item(
        basic_code="000112601001", name="个体工商户设立登记", department="QCSCJG",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"{_SCDJ}第二条：本条例所称市场主体，是指以营利为目的从事经营活动的……个体工商户……；"
                        "第三条：市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动。",
        legal_basis_impl=f"《促进个体工商户发展条例》（国务院令第755号）；{_SCDJ_XZ}；"
                         "《个体工商户名称登记管理办法》。",
        legal_limit=3, promised_limit=0,
        legal_limit_note=f"{_SCDJ}第十九条：申请材料齐全、符合法定形式的予以确认并当场登记；"
                         "不能当场登记的，应当在3个工作日内予以登记",
        acceptance_conditions="（一）经营者为有经营能力的自然人或者家庭成员；\n"
                              "（二）有固定的经营场所，或者符合规定的网络经营场所；\n"
                              "（三）申请登记的经营范围不属于法律、行政法规禁止的行业；\n"
                              "（四）经营范围涉及前置许可的，已取得相关许可文件。",
        materials=[
            _m("个体工商户登记（备案）申请书", notes="经营者本人签字；可通过四川政务服务网“企业开办一网通”在线填报",
               standard="填写完整，经营者签字，经营范围使用规范表述", basis=_SCDJ_XZ),
            _id("经营者"),
            _m("经营场所使用相关文件", commit=True,
               notes="自有房屋提交不动产权证书，租赁房屋提交租赁合同；也可签署《住所（经营场所）申报承诺书》以承诺替代",
               standard="地址与申请书一致，房屋用途可用于经营", basis=_SCDJ_XZ),
            _m("前置审批许可文件或者许可证书", necessity="conditional", form="copy",
               condition="经营范围涉及法律、行政法规规定须在登记前取得许可的",
               standard="许可文件在有效期内，许可主体与经营者一致"),
            *_agent(_SCDJ_XZ),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（全程网办）", result_name="营业执照（个体工商户）",
        audience="both", themes=["kbqy", "kft", "kbld", "jycy"],
        faqs=[
            _q("个体工商户可以不使用名称吗？",
               "可以。个体工商户可以使用名称，也可以不使用名称；使用名称的，名称应当符合《个体工商户名称登记管理办法》的规定。"),
            _q("办理个体工商户登记需要收费吗？", "不收费。营业执照（含电子营业执照）免费发放，可选择邮寄送达。"),
        ],
    ),
    _item(
        basic_code="000112601002", name="个体工商户变更登记（营业执照变更）", department="QCSCJG",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"{_SCDJ}第二十四条：市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项发生之日起30日内向登记机关申请变更登记。",
        legal_basis_impl=f"《促进个体工商户发展条例》（国务院令第755号）；{_SCDJ_XZ}。",
        legal_limit=3, promised_limit=0,
        acceptance_conditions="（一）已依法登记的个体工商户；\n（二）变更事项符合法律法规规定；\n"
                              "（三）变更经营者的，可以直接向登记机关申请办理变更登记。",
        materials=[
            _m("个体工商户变更登记申请书", standard="填写完整，经营者签字"),
            _id("经营者"),
            _m("变更后经营场所使用相关文件", necessity="conditional", condition="变更经营场所的", commit=True,
               notes="可签署住所（经营场所）申报承诺书替代"),
            _m("营业执照正、副本", necessity="conditional", condition="领取纸质营业执照的",
               notes="换发新执照时交回原执照"),
            *_agent(_SCDJ_XZ),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（全程网办）", result_name="营业执照（个体工商户）", themes=["kbqy", "jycy"],
    ),
    _item(
        basic_code="000112601003", name="个体工商户注销登记", department="QCSCJG",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"{_SCDJ}第三十一条：市场主体因解散、被宣告破产或者其他法定事由需要终止的，应当依法向登记机关申请注销登记。",
        legal_basis_impl=f"{_SCDJ_XZ}；《市场监管总局 国家税务总局关于进一步完善简易注销登记便捷中小微企业市场退出的通知》。",
        legal_limit=3, promised_limit=0,
        acceptance_conditions="（一）个体工商户已结清税款、无未办结的涉税事项（税务部门信息共享核验）；\n"
                              "（二）不存在被列入严重违法失信名单、被立案调查等不得注销的情形。",
        materials=[
            _m("个体工商户注销登记申请书", standard="经营者签字"),
            _id("经营者"),
            _m("营业执照正、副本", necessity="conditional", condition="领取纸质营业执照的", notes="遗失的可在申请书中说明"),
            *_agent(),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（全程网办）", result_type="其他", result_name="准予注销登记通知书",
        themes=["qyzx"],
    ),
    _item(
        basic_code="000112602001", name="企业设立登记（营业执照核发）", department="QCSCJG",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"《中华人民共和国公司法》第二十九条：设立公司，应当依法向公司登记机关申请设立登记；"
                        f"{_SCDJ}第三条：市场主体应当依照本条例办理登记。",
        legal_basis_impl=f"{_SCDJ_XZ}；《企业名称登记管理规定》。",
        legal_limit=3, promised_limit=0,
        legal_limit_note=f"{_SCDJ}第十九条：申请材料齐全、符合法定形式的当场登记；不能当场登记的，应当在3个工作日内予以登记",
        promised_limit_note="企业开办（执照、刻章、发票、社保登记、公积金登记、预约开户）全流程1个工作日内办结",
        acceptance_conditions="（一）名称符合《企业名称登记管理规定》，已完成名称自主申报；\n"
                              "（二）股东（出资人）、法定代表人及董事、监事、高级管理人员符合法律规定的任职资格；\n"
                              "（三）有公司章程或合伙协议；\n（四）有住所（经营场所）；\n"
                              "（五）经营范围涉及前置许可的，已取得相关许可文件。",
        materials=[
            _m("公司登记（备案）申请书", notes="含法定代表人信息、董事监事经理信息、联络员信息、受益所有人信息",
               standard="填写完整，法定代表人签字", basis=_SCDJ_XZ),
            _m("公司章程", notes="全体股东签字（盖章），可使用“企业开办一网通”章程范本",
               standard="载明事项符合《中华人民共和国公司法》第四十六条规定"),
            _m("股东的主体资格证明或者自然人身份证明", source="government",
               notes="自然人股东由系统核验身份；企业股东提交营业执照（电子证照共享）"),
            _m("法定代表人、董事、监事和经理的任职文件及身份证明",
               notes="依章程规定的产生方式提交股东会决议、董事会决议或者股东决定"),
            _m("住所（经营场所）使用相关文件", commit=True,
               notes="可签署《住所（经营场所）申报承诺书》以承诺替代", standard="地址真实、可联系"),
            *_agent(_SCDJ_XZ),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（全程网办）", result_name="营业执照", audience="enterprise",
        themes=["kbqy", "kft", "kbld"],
        faqs=[_q("在清川县开办企业要跑几次？",
                 "零跑动。通过“企业开办一网通”一次填报，营业执照、免费刻制的首套印章、税务发票、社保和公积金登记可同步办理，"
                 "营业执照和印章可免费邮寄到家。")],
    ),
    _item(
        basic_code="000112602002", name="企业变更登记（营业执照变更）", department="QCSCJG",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"{_SCDJ}第二十四条：市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项发生之日起30日内向登记机关申请变更登记。",
        legal_basis_impl=_SCDJ_XZ + "。",
        legal_limit=3, promised_limit=0,
        acceptance_conditions="（一）变更事项已依法作出决议或者决定；\n（二）变更后的登记事项符合法律法规规定；\n"
                              "（三）变更事项涉及许可的，已取得相关许可。",
        materials=[
            _m("公司变更登记（备案）申请书", standard="法定代表人签字"),
            _m("依照公司法作出的变更决议或者决定", notes="股东会决议、股东决定等，签字盖章齐全"),
            _m("修改后的公司章程或者章程修正案", necessity="conditional", condition="变更事项涉及章程修改的",
               notes="法定代表人签署"),
            _m("变更后住所（经营场所）使用相关文件", necessity="conditional", condition="变更住所的", commit=True),
            _m("营业执照正、副本", necessity="conditional", condition="变更营业执照记载事项且领取纸质执照的",
               notes="换发新执照时交回"),
            *_agent(_SCDJ_XZ),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（全程网办）", result_name="营业执照", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="000112602004", name="营业执照遗失补领（换发）", department="QCSCJG",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"{_SCDJ}第二十一条：市场主体设立登记后，登记机关颁发营业执照；营业执照分为正本和副本，具有同等法律效力。",
        legal_basis_impl=f"{_SCDJ_XZ}：营业执照遗失或者毁坏的，市场主体应当通过国家企业信用信息公示系统声明作废，申请补领。",
        legal_limit=3, promised_limit=0,
        acceptance_conditions="（一）营业执照遗失、毁坏或者污损；\n（二）遗失的，已通过国家企业信用信息公示系统发布作废声明。",
        materials=[
            _m("营业执照补领（换发）申请书", standard="法定代表人（经营者）签字"),
            _m("营业执照正、副本", necessity="conditional", condition="因毁坏、污损申请换发的"),
            *_agent(),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（全程网办）", result_name="营业执照", audience="both", themes=["kbqy"],
        faqs=[_q("营业执照丢了还要登报声明吗？",
                 "不需要登报。通过国家企业信用信息公示系统免费发布遗失作废声明后即可申请补领，也可直接下载使用电子营业执照。")],
    ),
    _item(
        basic_code="000112602003", name="企业注销登记（含简易注销）", department="QCSCJG",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"{_SCDJ}第三十一条：市场主体因解散、被宣告破产或者其他法定事由需要终止的，应当依法向登记机关申请注销登记；"
                        "第三十三条：市场主体未发生债权债务或者已将债权债务清偿完结……可以按照简易程序办理注销登记，"
                        "通过国家企业信用信息公示系统公示，公示期为20日。",
        legal_basis_impl=f"{_SCDJ_XZ}；《中华人民共和国公司法》第二百三十九条、第二百四十条。",
        legal_limit=3, promised_limit=0,
        acceptance_conditions="（一）已依法完成清算，或者符合简易注销条件且公示期满无异议；\n"
                              "（二）已结清税款（税务部门信息共享核验）；\n"
                              "（三）不存在股权被冻结、出质或者被立案调查等不得注销的情形。",
        materials=[
            _m("企业注销登记申请书", standard="法定代表人签字，加盖公章"),
            _m("依法作出解散的决议或者决定", necessity="conditional", condition="一般注销的",
               notes="被吊销营业执照、责令关闭的，提交相关文件"),
            _m("经确认的清算报告", necessity="conditional", condition="一般注销的",
               notes="股东（清算组）签字确认"),
            _m("全体投资人承诺书", necessity="conditional", condition="适用简易注销程序的",
               notes="全体投资人签字，承诺不存在未结清债权债务"),
            _m("清税证明", necessity="conditional", condition="税务部门未推送清税信息的", source="government",
               notes="已通过部门信息共享获取的，免于提交"),
            *_agent(),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（全程网办）", result_type="其他", result_name="准予注销登记通知书",
        audience="enterprise", themes=["qyzx"],
        faqs=[_q("哪些企业可以适用简易注销？",
                 "领取营业执照后未开展经营活动，或者申请注销登记前未发生债权债务、已将债权债务清偿完结，"
                 "未发生或者已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款）的企业，"
                 "经全体投资人书面承诺，可以适用简易注销，公示期20日。")],
    ),
    _item(
        basic_code="000112605001", name="食品经营许可（新办）", department="QCSCJG",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，"
                        "应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，不需要取得许可。",
        legal_basis_impl=f"{_SPJY}：申请食品经营许可，应当向申请人所在地县级以上地方市场监督管理部门提出。"
                         "县级以上地方市场监督管理部门应当自受理申请之日起10个工作日内作出是否准予行政许可的决定。",
        legal_limit=10, promised_limit=5,
        legal_limit_note="自受理申请之日起10个工作日内作出决定；因特殊原因需要延长的，经负责人批准可延长5个工作日",
        promised_limit_note="适用告知承诺且材料齐全的，当场作出许可决定",
        acceptance_conditions="（一）具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，"
                              "保持该场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离；\n"
                              "（二）具有与经营的食品品种、数量相适应的经营设备或者设施；\n"
                              "（三）有专职或者兼职的食品安全总监、食品安全员等食品安全管理人员和保证食品安全的规章制度；\n"
                              "（四）具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染；\n"
                              "（五）已取得营业执照或者其他主体资格证明。",
        materials=[
            _m("食品经营许可申请书", standard="内容完整、签字盖章齐全", basis=_SPJY),
            _licence(),
            _m("与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
               notes="含经营场所平面布局图，标明功能分区、设备设施位置及食品加工流向"),
            _m("食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度",
               commit=True, notes="可签署告知承诺书，承诺具备相应制度后补交"),
            _m("自动售货设备的产品合格证明、具体放置地点、经营者名称、住所、联系方式、食品经营许可证的公示方法等材料",
               necessity="conditional", form="copy", condition="利用自动设备从事食品经营的"),
            *_agent(_SPJY),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("现场核查", "a", 2), ("决定", "c", 1), ("制证", "w", 0)),
        special_procedures=[_sp("现场核查", "3个工作日", f"{_SPJY}：需要对申请材料的实质内容进行核实的，应当进行现场核查", stops=False)],
        visits_required=1, online_depth=3, anywhere_scope="全市通办", supports_delivery=True,
        result_name="食品经营许可证", audience="enterprise", themes=["kft", "kbld", "kbqy"],
        faqs=[
            _q("只卖预包装食品需要办食品经营许可证吗？",
               "不需要。仅销售预包装食品的，办理“仅销售预包装食品备案”即可，当场办结。"),
            _q("食品经营许可证有效期多久？", "食品经营许可证有效期为5年。"),
        ],
    ),
    _item(
        basic_code="000112605002", name="食品经营许可（变更）", department="QCSCJG",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国食品安全法》第三十五条。",
        legal_basis_impl=f"{_SPJY}：食品经营许可证载明的事项发生变化的，食品经营者应当在变化后10个工作日内向原发证的市场监督管理部门申请变更经营许可。",
        legal_limit=10, promised_limit=3,
        acceptance_conditions="（一）已取得食品经营许可证且在有效期内；\n（二）许可证载明事项发生变化；\n"
                              "（三）变更后仍符合食品经营许可条件。",
        materials=[
            _m("食品经营许可变更申请书", standard="签字盖章齐全", basis=_SPJY),
            _m("与变更食品经营许可事项有关的材料", notes="如变更经营项目、经营布局的，提交调整后的布局和流程"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("决定", "c", 1), ("制证", "w", 0)),
        visits_required=0, online_depth=4, anywhere_scope="全市通办",
        handling_form="窗口办理、网上办理（全程网办）", result_name="食品经营许可证", audience="enterprise", themes=["kft"],
    ),
    _item(
        basic_code="000112605003", name="食品经营许可（延续）", department="QCSCJG",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"《中华人民共和国食品安全法》第三十五条；{_XKF}第五十条。",
        legal_basis_impl=f"{_SPJY}：食品经营者需要延续依法取得的食品经营许可有效期的，应当在有效期届满前90个工作日至15个工作日期间，"
                         "向原发证的市场监督管理部门提出申请。",
        legal_limit=10, promised_limit=3,
        acceptance_conditions="（一）在许可有效期届满前90个工作日至15个工作日期间提出申请；\n（二）经营条件仍符合许可条件。",
        materials=[
            _m("食品经营许可延续申请书", standard="签字盖章齐全", basis=_SPJY),
            _m("食品经营许可证正、副本", source="issuing_department"),
            _m("经营条件未发生变化的书面声明", commit=True, notes="声明经营条件未变化的，可不再进行现场核查"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("决定", "c", 1), ("制证", "w", 0)),
        visits_required=0, online_depth=4, anywhere_scope="全市通办",
        handling_form="窗口办理、网上办理（全程网办）", result_name="食品经营许可证", audience="enterprise", themes=["kft"],
    ),
    _item(
        basic_code="001012605010", name="仅销售预包装食品备案", department="QCSCJG",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set="《中华人民共和国食品安全法》第三十五条第一款：仅销售预包装食品的，不需要取得许可，"
                        "但应当报所在地县级以上地方人民政府食品安全监督管理部门备案。",
        legal_basis_impl=f"{_SPJY}：仅销售预包装食品的备案人提交的备案材料齐全、符合法定形式的，当场备案。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）仅从事预包装食品（含保健食品、特殊医学用途配方食品、婴幼儿配方乳粉等）销售；\n"
                              "（二）已取得营业执照或者其他主体资格证明。",
        materials=[
            _m("仅销售预包装食品备案信息采集表", standard="信息完整，签字盖章"),
            _licence(),
            *_agent(),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全市通办",
        handling_form="窗口办理、网上办理（全程网办）", result_type="其他", result_name="仅销售预包装食品备案信息",
        audience="enterprise", themes=["kbld"],
    ),
    _item(
        basic_code="000112606001", name="药品经营许可证（零售）核发", department="QCSCJG",
        item_type="行政许可", case_type="承诺件", power_source="上级下放",
        legal_basis_set="《中华人民共和国药品管理法》第五十一条：从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理部门批准，"
                        "取得药品经营许可证。无药品经营许可证的，不得经营药品。",
        legal_basis_impl="《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）；《药品经营质量管理规范》；"
                         "《川东市人民政府关于向县（区）下放部分市级行政权力事项的决定》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有依法经过资格认定的药师或者其他药学技术人员（经营处方药、甲类非处方药的应当配备执业药师）；\n"
                              "（二）有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；\n"
                              "（三）有与所经营药品相适应的质量管理机构或者人员；\n"
                              "（四）有保证药品质量的规章制度，并符合药品经营质量管理规范要求。",
        materials=[
            _m("药品经营许可证申请表", standard="签字盖章齐全"),
            _licence(),
            _m("质量负责人、质量管理人员及执业药师的身份证明、学历证明和执业药师注册证", form="copy",
               notes="执业药师注册证由系统核验，注册单位应当为本企业"),
            _m("营业场所、仓库平面布置图及房屋产权或者使用权证明", form="copy"),
            _m("质量管理文件目录及主要设施设备目录"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("材料审查", "a", 3), ("现场检查", "a", 4), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("现场检查", "5个工作日", "《药品经营和使用质量监督管理办法》：药品监督管理部门应当按照药品经营质量管理规范组织开展现场检查", stops=False)],
        online_depth=3, anywhere_scope="无", result_name="药品经营许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="001012607001", name="第二类医疗器械经营备案", department="QCSCJG",
        item_type="其他行政权力", case_type="即办件", power_source="上级委托",
        legal_basis_set="《医疗器械监督管理条例》（国务院令第739号）第四十一条：从事第二类医疗器械经营的，"
                        "由经营企业向所在地设区的市级人民政府负责药品监督管理的部门备案。",
        legal_basis_impl="《医疗器械经营监督管理办法》（国家市场监督管理总局令第54号）；川东市市场监督管理局委托书。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）有与经营范围和经营规模相适应的质量管理机构或者质量管理人员；\n"
                              "（二）有与经营范围和经营规模相适应的经营场所和贮存条件；\n"
                              "（三）有与经营的医疗器械相适应的质量管理制度。",
        materials=[
            _m("第二类医疗器械经营备案表", standard="签字盖章齐全"),
            _licence(),
            _m("法定代表人、企业负责人、质量负责人的身份证明、学历或者职称证明", form="copy"),
            _m("经营场所和库房的地理位置图、平面图、房屋产权证明文件或者租赁协议", form="copy"),
            _m("经营质量管理制度、工作程序等文件目录"),
            *_agent(),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="窗口办理、网上办理（全程网办）",
        result_type="其他", result_name="第二类医疗器械经营备案凭证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="000112608001", name="特种设备使用登记", department="QCSCJG",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国特种设备安全法》第三十三条：特种设备使用单位应当在特种设备投入使用前或者投入使用后三十日内，"
                        "向负有特种设备安全监督管理职责的部门办理使用登记，取得使用登记证书。",
        legal_basis_impl="《特种设备安全监察条例》第二十五条；《特种设备使用管理规则》（TSG 08-2017）。",
        legal_limit=15, promised_limit=3,
        acceptance_conditions="（一）特种设备已经监督检验或者定期检验合格；\n（二）使用单位已配备相应的安全管理人员和作业人员；\n"
                              "（三）在投入使用前或者投入使用后30日内申请。",
        materials=[
            _m("特种设备使用登记表", copies=2, standard="一式两份，使用单位盖章"),
            _licence(),
            _m("特种设备产品合格证（含产品数据表）", form="copy"),
            _m("特种设备监督检验证明或者定期检验报告", form="copy", notes="检验机构已上传系统的免于提交"),
            _m("锅炉能效测试报告", necessity="conditional", condition="登记锅炉的", form="copy"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("决定", "c", 1), ("发证", "w", 0)),
        online_depth=3, result_name="特种设备使用登记证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="002012609001", name="市场主体登记档案资料查询", department="QCSCJG",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_SCDJ}第三十五条：市场主体应当按照国家有关规定公示年度报告和登记相关信息。",
        legal_basis_impl="《企业登记档案资料查询办法》：公民、法人和其他组织可以查询企业登记机关公开的企业登记档案资料。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）市场主体查询本单位登记档案的，凭营业执照和经办人身份证明；\n"
                              "（二）律师查询的，凭律师执业证和律师事务所证明；\n（三）公检法等机关依法调取的，凭介绍信和工作证件。",
        materials=[
            _m("登记档案查询申请表"),
            _id("查询人"),
            _m("律师执业证和律师事务所查询证明", necessity="conditional", condition="律师查询的"),
            _m("单位介绍信或者授权委托书", necessity="conditional", condition="代表市场主体查询的"),
        ],
        steps=_now(), visits_required=1, online_depth=2, handling_form="窗口办理",
        result_type="其他", result_name="登记档案资料复印件（加盖档案查询专用章）", audience="both", themes=["kbqy", "qyzx"],
    ),
]

# ---------------------------------------------------------------- 住房和城乡建设局
_JZF = "《中华人民共和国建筑法》"
_XF51 = "《建设工程消防设计审查验收管理暂行规定》（住房和城乡建设部令第51号，2023年第58号令修正）"
ITEMS += [
    _item(
        basic_code="000111501001", name="建筑工程施工许可证核发", department="QCZJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_JZF}第七条：建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证；"
                        "第八条：申请领取施工许可证，应当具备下列条件……",
        legal_basis_impl="《建筑工程施工许可管理办法》（住房和城乡建设部令第18号，2021年第52号令修正）第二条：工程投资额在30万元以下"
                         "或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证；第五条：发证机关应当自收到申请之日起七日内，"
                         "对符合条件的申请颁发施工许可证。",
        legal_limit=7, promised_limit=3,
        legal_limit_note="《建筑工程施工许可管理办法》第五条：自收到申请之日起7日内颁发施工许可证",
        promised_limit_note="纳入工程建设项目审批“施工许可”阶段并联办理，承诺3个工作日",
        acceptance_conditions="（一）已经办理该建筑工程用地批准手续；\n（二）依法应当办理建设工程规划许可证的，已经取得建设工程规划许可证；\n"
                              "（三）需要征收房屋的，其进度符合施工要求；\n（四）已经确定施工企业；\n"
                              "（五）有满足施工需要的资金安排、施工图纸及技术资料；\n（六）有保证工程质量和安全的具体措施。",
        materials=[
            _m("建筑工程施工许可证申请表", standard="建设单位盖章，法定代表人签字"),
            _m("建设工程规划许可证", form="electronic", source="government", notes="系统共享获取，免于提交"),
            _m("中标通知书及施工合同、监理合同", form="copy", notes="依法不需招标的提交直接发包的相关材料"),
            _m("建设资金已经落实承诺书", commit=True, notes="建设单位法定代表人签署"),
            _m("保证工程质量和安全的具体措施", notes="含施工组织设计中的质量安全措施及危大工程清单"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 1), ("决定", "c", 1), ("制证", "w", 1)),
        online_depth=4, anywhere_scope="无", handling_form="窗口办理、网上办理（工程建设项目审批管理系统）",
        result_name="建筑工程施工许可证", audience="enterprise", themes=["gcjs"],
        faqs=[_q("哪些工程可以不办施工许可证？",
                 "工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证；"
                 "抢险救灾及其他临时性房屋建筑和农民自建低层住宅的建筑活动，不适用施工许可。")],
    ),
    _item(
        basic_code="000111502001", name="商品房预售许可", department="QCZJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国城市房地产管理法》第四十五条：商品房预售，应当符合下列条件……"
                        "（四）向县级以上人民政府房产管理部门办理预售登记，取得商品房预售许可证明。",
        legal_basis_impl="《城市商品房预售管理办法》（建设部令第131号）第七条：房地产管理部门应当自受理之日起10日内，"
                         "依法作出准予预售的行政许可书面决定。",
        legal_limit=10, promised_limit=5,
        acceptance_conditions="（一）已交付全部土地使用权出让金，取得土地使用权证书；\n（二）持有建设工程规划许可证和施工许可证；\n"
                              "（三）按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的25%以上，并已确定施工进度和竣工交付日期；\n"
                              "（四）已与监管银行签订商品房预售资金监管协议。",
        materials=[
            _m("商品房预售许可申请表", standard="开发企业盖章"),
            _licence(),
            _m("房地产开发企业资质证书", form="electronic", source="government"),
            _m("不动产权证书（国有建设用地使用权）", form="electronic", source="government"),
            _m("建设工程规划许可证和建筑工程施工许可证", form="electronic", source="government"),
            _m("工程施工合同及施工进度、竣工交付日期的说明", form="copy"),
            _m("商品房预售方案", notes="含商品房位置、面积、竣工交付日期及分层平面图"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("现场查勘", "a", 1), ("决定", "c", 1), ("制证", "w", 1)),
        special_procedures=[_sp("现场查勘", "1个工作日", "《城市商品房预售管理办法》：核查工程形象进度是否达到预售条件", stops=False)],
        online_depth=3, result_name="商品房预售许可证", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111503001", name="城镇污水排入排水管网许可", department="QCZJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《城镇排水与污水处理条例》（国务院令第641号）第二十一条：从事工业、建筑、餐饮、医疗等活动的企业事业单位、"
                        "个体工商户向城镇排水设施排放污水的，应当向城镇排水主管部门申请领取污水排入排水管网许可证。",
        legal_basis_impl="《城镇污水排入排水管网许可管理办法》（住房和城乡建设部令第21号，2022年修正）：城镇排水主管部门应当自受理申请之日起"
                         "20日内作出决定。",
        legal_limit=20, promised_limit=7,
        acceptance_conditions="（一）排放口的设置符合城镇排水与污水处理规划的要求；\n"
                              "（二）按照国家有关规定建设相应的预处理设施和水质、水量检测设施；\n"
                              "（三）排放的污水符合国家或者地方规定的有关排放标准；\n（四）法律、法规规定的其他条件。",
        materials=[
            _m("排水许可申请表", standard="签字盖章齐全"),
            _licence(),
            _m("排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明等材料"),
            _m("按规定建设污水预处理设施的有关材料", necessity="conditional", condition="需要建设预处理设施的（如餐饮隔油池）"),
            _m("排水水质符合相关标准的检测报告", necessity="conditional", condition="列入重点排污单位名录的", form="copy"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("现场核查", "a", 2), ("决定", "c", 1), ("制证", "w", 1)),
        special_procedures=[_sp("现场核查", "2个工作日", "《城镇污水排入排水管网许可管理办法》", stops=False)],
        online_depth=3, anywhere_scope="无", result_name="城镇污水排入排水管网许可证", audience="enterprise",
        themes=["kft", "gcjs"],
    ),
    _item(
        basic_code="000111504001", name="特殊建设工程消防设计审查", department="QCZJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国消防法》第十一条：国务院住房和城乡建设主管部门规定的特殊建设工程，建设单位应当将消防设计文件报送"
                        "住房和城乡建设主管部门审查，住房和城乡建设主管部门依法对审查的结果负责。",
        legal_basis_impl=f"{_XF51}：消防设计审查验收主管部门应当自受理消防设计审查申请之日起十五个工作日内出具书面审查意见。"
                         "依照规定需要组织专家评审的，专家评审时间不超过二十个工作日。",
        legal_limit=15, promised_limit=10,
        acceptance_conditions="（一）属于特殊建设工程；\n（二）消防设计文件由具有相应资质的设计单位编制，符合国家工程建设消防技术标准；\n"
                              "（三）依法需要办理建设工程规划许可的，已取得规划许可。",
        materials=[
            _m("消防设计审查申请表", standard="建设单位盖章"),
            _m("消防设计文件", form="electronic", notes="通过数字化审图系统提交"),
            _m("建设工程规划许可文件", form="electronic", source="government"),
            _m("临时性建筑批准文件", necessity="conditional", condition="依法需要批准的临时性建筑", form="copy"),
            _m("特殊消防设计技术资料", necessity="conditional", condition="需要组织专家评审的",
               notes="含特殊消防设计文件、设计采用的国际或境外标准、应用试验报告等"),
        ],
        steps=_steps(("受理", "w", 0), ("技术审查", "a", 6), ("复核", "a", 2), ("决定", "c", 1), ("出件", "w", 1)),
        special_procedures=[_sp("专家评审", "20个工作日", f"{_XF51}；{_XKF}第四十五条")],
        online_depth=4, handling_form="网上办理（工程建设项目审批管理系统）", result_type="批文",
        result_name="特殊建设工程消防设计审查意见书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111504002", name="特殊建设工程消防验收", department="QCZJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国消防法》第十三条：国务院住房和城乡建设主管部门规定应当申请消防验收的建设工程竣工，"
                        "建设单位应当向住房和城乡建设主管部门申请消防验收。",
        legal_basis_impl=f"{_XF51}：消防设计审查验收主管部门应当自受理消防验收申请之日起十五日内出具消防验收意见。",
        legal_limit=15, promised_limit=10,
        acceptance_conditions="（一）已完成工程设计和合同约定的消防各项内容；\n（二）有完整的工程消防技术档案和施工管理资料；\n"
                              "（三）建设单位已组织工程竣工验收，且消防查验合格。",
        materials=[
            _m("消防验收申请表", standard="建设单位盖章"),
            _m("工程竣工验收报告"),
            _m("涉及消防的建设工程竣工图纸", form="electronic"),
        ],
        steps=_steps(("受理", "w", 0), ("现场评定", "a", 5), ("审查", "a", 2), ("决定", "c", 1), ("出件", "w", 1)),
        special_procedures=[_sp("现场评定", "5个工作日", f"{_XF51}：现场评定包括对建筑物防（灭）火设施的外观进行现场抽样查看、"
                                                      "测量、设施及系统功能测试等", stops=False)],
        online_depth=3, result_type="批文", result_name="特殊建设工程消防验收意见书", audience="enterprise",
        themes=["gcjs"],
    ),
    _item(
        basic_code="001011504003", name="其他建设工程消防验收备案", department="QCZJJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set="《中华人民共和国消防法》第十三条第一款：前款规定以外的其他建设工程，建设单位在验收后应当报住房和城乡建设主管部门备案，"
                        "住房和城乡建设主管部门应当进行抽查。",
        legal_basis_impl=f"{_XF51}：对备案材料齐全的，应当出具备案凭证。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）属于特殊建设工程以外的其他建设工程；\n（二）建设单位已组织竣工验收，消防查验合格。",
        materials=[
            _m("消防验收备案表", standard="建设单位盖章"),
            _m("工程竣工验收报告"),
            _m("涉及消防的建设工程竣工图纸", form="electronic"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（全程网办）",
        result_type="其他", result_name="建设工程消防验收备案凭证", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="001011505001", name="房屋建筑和市政基础设施工程竣工验收备案", department="QCZJJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set="《建设工程质量管理条例》第四十九条：建设单位应当自建设工程竣工验收合格之日起15日内，将建设工程竣工验收报告和"
                        "规划、公安消防、环保等部门出具的认可文件或者准许使用文件报建设行政主管部门或者其他有关部门备案。",
        legal_basis_impl="《房屋建筑和市政基础设施工程竣工验收备案管理办法》（住房和城乡建设部令第2号，2009年修正）。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）工程已通过竣工验收；\n（二）在竣工验收合格之日起15日内申请备案。",
        materials=[
            _m("工程竣工验收备案表", copies=2, standard="一式两份，建设单位盖章"),
            _m("工程竣工验收报告"),
            _m("规划、消防、环保等部门出具的认可文件或者准许使用文件", form="electronic", source="government",
               notes="联合验收系统共享，免于提交"),
            _m("施工单位签署的工程质量保修书"),
            _m("《住宅质量保证书》和《住宅使用说明书》", necessity="conditional", condition="商品住宅工程的"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（全程网办）",
        result_type="其他", result_name="竣工验收备案证明", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111506001", name="燃气经营许可证核发", department="QCZJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《城镇燃气管理条例》第十五条：国家对燃气经营实行许可证制度。从事燃气经营活动的企业，应当具备下列条件……"
                        "符合前款规定条件的，由县级以上地方人民政府燃气管理部门核发燃气经营许可证。",
        legal_basis_impl="《燃气经营许可管理办法》（建城规〔2019〕2号）。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）符合燃气发展规划要求；\n（二）有符合国家标准的燃气气源和燃气设施；\n"
                              "（三）有固定的经营场所、完善的安全管理制度和健全的经营方案；\n"
                              "（四）企业的主要负责人、安全生产管理人员以及运行、维护和抢修人员经专业培训并考核合格。",
        materials=[
            _m("燃气经营许可申请书", standard="盖章齐全"),
            _licence(),
            _m("燃气气源证明及燃气设施竣工验收资料", form="copy"),
            _m("安全管理制度和经营方案"),
            _m("主要负责人、安全生产管理人员及运行、维护和抢修人员的专业培训考核合格证明", form="copy"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 4), ("现场核查", "a", 3), ("决定", "c", 1), ("制证", "w", 1)),
        special_procedures=[_sp("现场核查", "3个工作日", "《燃气经营许可管理办法》", stops=False)],
        online_depth=3, result_name="燃气经营许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="002011507001", name="商品房买卖合同网签备案", department="QCZJJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国城市房地产管理法》第四十五条第二款：商品房预售人应当按照国家有关规定将预售合同报县级以上人民政府"
                        "房产管理部门和土地管理部门登记备案。",
        legal_basis_impl="《城市商品房预售管理办法》（建设部令第131号）第十条；《住房和城乡建设部关于进一步规范和加强房屋网签备案工作的指导意见》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）商品房项目已取得预售许可或者现售备案；\n（二）买卖双方已在房屋网签备案系统签订买卖合同。",
        materials=[
            _m("商品房买卖合同", copies=3, notes="房屋网签备案系统生成并打印，买卖双方签字盖章"),
            _id("买受人"),
            _m("婚姻状况声明", necessity="optional", commit=True, notes="婚姻登记信息可由系统共享核验"),
            *_agent(),
        ],
        steps=_now(), online_depth=3, result_type="其他", result_name="商品房买卖合同备案证明",
        audience="person", themes=["gfzy"],
    ),
    _item(
        basic_code="000711508001", name="公共租赁住房保障资格审核", department="QCZJJ",
        item_type="行政确认", case_type="联办件",
        legal_basis_set="《公共租赁住房管理办法》（住房和城乡建设部令第11号）第七条：申请公共租赁住房，应当符合以下条件……；"
                        "第九条：市、县级人民政府住房保障主管部门应当会同有关部门，对申请人提交的申请材料进行审核。",
        legal_basis_impl="《四川省城镇住房保障家庭租赁补贴管理实施办法》；《清川县公共租赁住房管理实施细则》。",
        legal_limit=30, promised_limit=20,
        legal_limit_note="住房保障部门会同民政部门审核，自受理之日起30个工作日内作出决定（公示期不计入）",
        acceptance_conditions="（一）申请人具有完全民事行为能力，在本县城区无住房或者住房面积低于规定标准；\n"
                              "（二）家庭收入、财产符合县人民政府公布的标准；\n"
                              "（三）新就业无房职工、外来务工人员在本县稳定就业达到规定年限。",
        materials=[
            _m("公共租赁住房申请表", standard="家庭成员签字"),
            _id("申请人及共同申请的家庭成员"),
            _m("户口簿或者居住证", source="government", notes="公安部门共享核验"),
            _m("家庭经济状况核对授权书", notes="全体成年家庭成员签字，授权民政部门核对收入、财产"),
            _m("劳动合同或者社会保险缴费证明", necessity="conditional",
               condition="新就业无房职工、外来务工人员申请的", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("初审", "a", 6), ("联合核查", "a", 8), ("决定", "c", 2), ("送达", "w", 1)),
        special_procedures=[
            _sp("家庭经济状况核对", "10个工作日", "《最低生活保障审核确认办法》；民政部门居民家庭经济状况核对", stops=False),
            _sp("公示", "5个工作日", "《公共租赁住房管理办法》：审核结果应当予以公示"),
        ],
        visits_required=1, online_depth=3, result_type="其他", result_name="公共租赁住房保障资格确认通知书",
        audience="person", themes=["gfzy", "shjz"],
    ),
]

# ---------------------------------------------------------------- 自然资源和规划局
_CXGH = "《中华人民共和国城乡规划法》"
_TDGL = "《中华人民共和国土地管理法》"
_DSHY = "《自然资源部关于以“多规合一”为基础推进规划用地“多审合一、多证合一”改革的通知》（自然资规〔2019〕2号）"
ITEMS += [
    _item(
        basic_code="000111101001", name="建设项目用地预审与选址意见书核发", department="QCZRJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_TDGL}第五十二条：建设项目可行性研究论证时，自然资源主管部门可以根据国土空间规划对建设用地有关事项作出初步审查；"
                        f"{_CXGH}第三十六条：以划拨方式提供国有土地使用权的建设项目，建设单位在报送有关部门批准或者核准前，"
                        "应当向城乡规划主管部门申请核发选址意见书。",
        legal_basis_impl=f"《建设项目用地预审管理办法》（国土资源部令第68号）；{_DSHY}。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）建设项目符合国土空间规划和用途管制要求；\n（二）符合土地使用标准和节约集约用地要求；\n"
                              "（三）占用永久基本农田、生态保护红线的，已按规定论证。",
        materials=[
            _m("建设项目用地预审与选址申请表", standard="建设单位盖章"),
            _m("建设项目用地预审与选址申请报告",
               notes="载明项目基本情况、拟选址占地情况、是否符合国土空间规划、用地规模是否符合土地使用标准、节约集约用地情况"),
            _m("项目建议书批复文件或者其他立项文件", necessity="conditional", condition="审批制项目", source="government"),
            _m("标注项目用地范围的土地利用现状图和勘测定界图", form="electronic"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=4, handling_form="窗口办理、网上办理（工程建设项目审批管理系统）",
        result_name="建设项目用地预审与选址意见书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111102001", name="建设用地规划许可证核发", department="QCZRJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_CXGH}第三十七条：以划拨方式提供国有土地使用权的，建设单位在取得有关部门的批准、核准、备案文件后，"
                        "向城市、县人民政府城乡规划主管部门提出建设用地规划许可申请；第三十八条：以出让方式取得国有土地使用权的建设项目，"
                        "在签订国有土地使用权出让合同后，建设单位应当持建设项目的批准、核准、备案文件和国有土地使用权出让合同，"
                        "向城市、县人民政府城乡规划主管部门领取建设用地规划许可证。",
        legal_basis_impl=f"{_DSHY}：将建设用地规划许可证、建设用地批准书合并，自然资源主管部门统一核发新的建设用地规划许可证。",
        legal_limit=20, promised_limit=7,
        acceptance_conditions="（一）已取得项目批准、核准或者备案文件；\n（二）划拨项目已取得用地预审与选址意见书；"
                              "出让项目已签订国有建设用地使用权出让合同；\n（三）符合规划条件。",
        materials=[
            _m("建设用地规划许可申请表", standard="建设单位盖章"),
            _m("国有建设用地使用权出让合同", necessity="conditional", condition="以出让方式取得土地的", form="copy"),
            _m("国有建设用地划拨决定书", necessity="conditional", condition="以划拨方式取得土地的", source="government"),
            _m("建设项目批准、核准或者备案文件", form="electronic", source="government"),
            _m("标注用地范围的地形图", form="electronic", notes="1:500或1:1000地形图，CGCS2000坐标系"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 4), ("决定", "c", 1), ("制证", "w", 1)),
        online_depth=4, handling_form="窗口办理、网上办理（工程建设项目审批管理系统）",
        result_name="建设用地规划许可证", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111103001", name="建设工程规划许可证核发", department="QCZRJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_CXGH}第四十条：在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、"
                        "县人民政府城乡规划主管部门或者省、自治区、直辖市人民政府确定的镇人民政府申请办理建设工程规划许可证。",
        legal_basis_impl="《四川省城乡规划条例》；《川东市建设工程设计方案批前公示规定》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）已取得建设用地规划许可证和不动产权证书（土地）；\n（二）建设工程设计方案符合控制性详细规划和规划条件；\n"
                              "（三）设计方案已完成批前公示且无合理异议。",
        materials=[
            _m("建设工程规划许可申请表", standard="建设单位盖章"),
            _m("使用土地的有关证明文件", form="electronic", source="government", notes="不动产权证书（土地）共享获取"),
            _m("建设工程设计方案", form="electronic", notes="含总平面图、单体平立剖面图、技术经济指标表及电子文件"),
            _m("建设工程设计方案审查专家意见", necessity="conditional", condition="重大建设项目或者位于重要景观区域的"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("方案审查", "a", 5), ("复核", "a", 2), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[
            _sp("批前公示", "7日", "《川东市建设工程设计方案批前公示规定》"),
            _sp("专家评审", "10个工作日", f"{_XKF}第四十五条"),
        ],
        online_depth=4, handling_form="窗口办理、网上办理（工程建设项目审批管理系统）",
        result_name="建设工程规划许可证", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111104001", name="乡村建设规划许可证核发", department="QCZRJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_CXGH}第四十一条：在乡、村庄规划区内进行乡镇企业、乡村公共设施和公益事业建设以及农村村民住宅建设的，"
                        "建设单位或者个人应当向乡、镇人民政府提出申请，由乡、镇人民政府报城市、县人民政府城乡规划主管部门核发乡村建设规划许可证。",
        legal_basis_impl="《四川省城乡规划条例》；《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）符合村庄规划或者乡村建设规划要求；\n（二）不占用永久基本农田；\n"
                              "（三）农村村民住宅建设的，已取得宅基地批准文件或者与宅基地审批并联办理。",
        materials=[
            _m("乡村建设规划许可申请表", standard="申请人签字，村民委员会签署意见"),
            _id(),
            _m("户口簿", source="government", notes="公安部门共享核验"),
            _m("农村宅基地批准书", necessity="conditional", condition="农村村民住宅建设的", source="government"),
            _m("建设工程设计方案或者农房设计通用图选用说明", notes="选用县住建局发布的农房设计通用图集的，注明图集编号"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=3, result_name="乡村建设规划许可证", audience="both", themes=["gcjs", "gfzy"],
    ),
    _item(
        basic_code="000111105001", name="临时用地审批", department="QCZRJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_TDGL}第五十七条：建设项目施工和地质勘查需要临时使用国有土地或者农民集体所有的土地的，由县级以上人民政府"
                        "自然资源主管部门批准。……临时使用土地期限一般不超过二年。",
        legal_basis_impl="《中华人民共和国土地管理法实施条例》第二十条；《自然资源部关于规范临时用地管理的通知》（自然资规〔2021〕2号）。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）用于建设项目施工、地质勘查等临时需要；\n（二）已与土地权利人签订临时使用土地合同；\n"
                              "（三）已编制土地复垦方案，原则上不占用永久基本农田。",
        materials=[
            _m("临时用地申请书", standard="申请单位盖章"),
            _m("临时使用土地合同", notes="与农村集体经济组织或者国有土地使用权人签订，约定用途、期限、补偿费和复垦责任"),
            _m("土地复垦方案报告表", notes="明确复垦标准、措施和费用"),
            _m("勘测定界图", form="electronic"),
            _m("建设项目批准文件", necessity="conditional", condition="建设项目施工临时用地的", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 5), ("现场踏勘", "a", 3), ("决定", "c", 1), ("出件", "w", 1)),
        special_procedures=[_sp("现场踏勘", "3个工作日", "《自然资源部关于规范临时用地管理的通知》", stops=False)],
        online_depth=3, result_type="批文", result_name="临时用地批准书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="001011106001", name="建设工程规划核实（土地核验与规划核实合一）", department="QCZRJ",
        item_type="其他行政权力", case_type="承诺件",
        legal_basis_set=f"{_CXGH}第四十五条：县级以上地方人民政府城乡规划主管部门按照国务院规定对建设工程是否符合规划条件予以核实。"
                        "未经核实或者经核实不符合规划条件的，建设单位不得组织竣工验收。",
        legal_basis_impl=f"{_DSHY}：合并规划核实、土地核验，由自然资源主管部门统一出具规划核实意见。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）建设工程已按规划许可内容完成施工；\n（二）已完成竣工规划测量（“多测合一”）。",
        materials=[
            _m("建设工程规划核实申请表", standard="建设单位盖章"),
            _m("竣工规划测量成果报告", form="electronic", notes="由具有相应资质的测绘单位出具，“多测合一”成果共享"),
            _m("建设工程规划许可证及附图", form="electronic", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("现场核实", "a", 2), ("审查", "a", 1), ("决定", "c", 1), ("出件", "w", 1)),
        special_procedures=[_sp("现场核实", "2个工作日", f"{_CXGH}第四十五条", stops=False)],
        online_depth=4, handling_form="网上办理（工程建设项目联合验收系统）", result_type="批文",
        result_name="建设工程规划核实意见书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111107001", name="农用地转用和土地征收审批（组卷报批）", department="QCZRJ",
        item_type="行政许可", case_type="上报件",
        legal_basis_set=f"{_TDGL}第四十四条：建设占用土地，涉及农用地转为建设用地的，应当办理农用地转用审批手续；"
                        "第四十六条：征收土地由国务院或者省、自治区、直辖市人民政府批准。",
        legal_basis_impl="《中华人民共和国土地管理法实施条例》第二十三条至第三十一条；《四川省自然资源厅建设用地审查报批工作规程》。",
        legal_limit=20, promised_limit=15,
        legal_limit_note="县级自受理之日起20个工作日内完成组卷审查并上报；市、省审批时间不计入本级时限",
        acceptance_conditions="（一）建设项目符合国土空间规划、年度计划和用途管制要求；\n（二）已完成土地征收前期工作（公告、调查、风险评估、补偿登记）；\n"
                              "（三）征地补偿安置方案已公告并听取意见，依法需要听证的已组织听证。",
        materials=[
            _m("建设用地呈报说明书及农用地转用方案、补充耕地方案、征收土地方案", notes="按省自然资源厅报批格式组卷"),
            _m("土地征收公告及征地补偿安置方案公告材料"),
            _m("社会稳定风险评估报告"),
            _m("勘测定界图及勘测定界技术报告", form="electronic"),
            _m("占用耕地补充耕地指标落实证明", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("组卷审查", "a", 10), ("局务会审议", "c", 3), ("上报", "w", 1)),
        special_procedures=[_sp("听证", "依申请组织", f"{_TDGL}第四十七条；《自然资源听证规定》")],
        online_depth=2, handling_form="窗口办理", supports_delivery=False, result_type="批文",
        result_name="省人民政府建设用地批复", audience="enterprise", themes=["gcjs"],
    ),
]

# ---------------------------------------------------------------- 不动产登记中心
_BDC_MAT = [
    _m("不动产登记申请书", standard="申请人签字（盖章），申请事项与登记类型一致", basis=_BDC_XZ),
]
ITEMS += [
    _item(
        basic_code="000711150001", name="国有建设用地使用权及房屋所有权首次登记", department="QCBDC",
        item_type="行政确认", case_type="承诺件", power_source="同级委托",
        legal_basis_set=f"《中华人民共和国民法典》第二百零九条：不动产物权的设立、变更、转让和消灭，经依法登记，发生效力；"
                        f"{_BDC}第二十条：不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。",
        legal_basis_impl=f"{_BDC_XZ}第三十五条：申请国有建设用地使用权及房屋所有权首次登记的，应当提交下列材料……",
        legal_limit=30, promised_limit=5,
        acceptance_conditions="（一）已取得国有建设用地使用权；\n（二）房屋已竣工，并经规划核实、竣工验收备案；\n"
                              "（三）已完成房屋测绘，相关税费已缴清。",
        materials=[
            dict(_BDC_MAT[0]),
            _m("不动产权证书（国有建设用地使用权）", form="electronic", source="government"),
            _m("建设工程符合规划的材料", form="electronic", source="government", notes="规划核实意见书共享获取"),
            _m("房屋已经竣工的材料", form="electronic", source="government", notes="竣工验收备案证明共享获取"),
            _m("房地产调查或者测绘报告", notes="“多测合一”成果，由测绘单位上传"),
            *_agent(_BDC_XZ),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("登簿", "c", 1), ("缮证", "w", 1)),
        fees=[
            _fee("不动产登记费（住宅）", "80元/件", _BDC_FEE, reducible=True),
            _fee("不动产登记费（非住宅）", "550元/件", _BDC_FEE, reducible=True),
            _fee("不动产权属证书工本费", "第一本免费，每增加一本加收10元", _BDC_FEE),
        ],
        supports_online_payment=True, online_depth=3, result_name="不动产权证书", audience="enterprise",
        themes=["gcjs"],
        faqs=[_q("小微企业办理不动产登记可以减免登记费吗？",
                 "可以。按照财政部、国家发展改革委有关规定，小微企业（含个体工商户）申请不动产登记的，免征不动产登记费。")],
    ),
    _item(
        basic_code="000711150002", name="国有建设用地使用权及房屋所有权转移登记（二手房买卖）", department="QCBDC",
        item_type="行政确认", case_type="承诺件", power_source="同级委托",
        legal_basis_set=f"《中华人民共和国民法典》第二百零九条；{_BDC}第十四条：因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请。",
        legal_basis_impl=f"{_BDC_XZ}第三十八条；《四川省不动产登记、交易、税收“一窗受理、并行办理”工作规范》。",
        legal_limit=30, promised_limit=2,
        promised_limit_note="登记、交易、纳税“一窗受理”，税费缴清后2个工作日内登簿发证",
        acceptance_conditions="（一）买卖双方共同申请；\n（二）房屋不存在查封、异议登记等限制转移的情形；\n"
                              "（三）已签订存量房买卖合同并缴清相关税费。",
        materials=[
            dict(_BDC_MAT[0]),
            _id("买卖双方"),
            _m("不动产权证书", source="issuing_department", notes="原权利人持有的证书原件，登簿后收回"),
            _m("存量房买卖合同", notes="通过存量房网签系统签订"),
            _m("婚姻状况声明或者婚姻登记证明", necessity="conditional", condition="房屋为夫妻共有或者需确认共有情况的",
               commit=True),
            *_agent(_BDC_XZ),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 1), ("登簿", "c", 1), ("缮证", "w", 0)),
        fees=[_fee("不动产登记费（住宅）", "80元/件", _BDC_FEE), _fee("不动产登记费（非住宅）", "550元/件", _BDC_FEE)],
        supports_online_payment=True, online_depth=3, anywhere_scope="全市通办",
        result_name="不动产权证书", audience="person", themes=["gfzy"],
    ),
    _item(
        basic_code="000711150003", name="抵押权首次登记", department="QCBDC",
        item_type="行政确认", case_type="承诺件", power_source="同级委托",
        legal_basis_set=f"《中华人民共和国民法典》第四百零二条：以建筑物和其他土地附着物……抵押的，应当办理抵押登记。抵押权自登记时设立。",
        legal_basis_impl=f"{_BDC_XZ}第六十六条：自然人、法人或者其他组织为保障其债权的实现，依法以不动产设定抵押的，可以由当事人持不动产权属证书、"
                         "抵押合同与主债权合同等必要材料，共同申请办理抵押登记。",
        legal_limit=30, promised_limit=1,
        acceptance_conditions="（一）抵押人与抵押权人共同申请；\n（二）抵押财产不存在查封等限制情形；\n（三）已签订主债权合同和抵押合同。",
        materials=[
            dict(_BDC_MAT[0]),
            _id("抵押人"),
            _licence(condition="抵押权人为金融机构的"),
            _m("不动产权证书", source="issuing_department"),
            _m("主债权合同和抵押合同", notes="可为最高额抵押合同"),
            *_agent(_BDC_XZ),
        ],
        steps=_steps(("受理", "w", 0), ("审核、登簿", "c", 1), ("出证", "w", 0)),
        fees=[_fee("不动产登记费（住宅）", "80元/件", _BDC_FEE), _fee("不动产登记费（非住宅）", "550元/件", _BDC_FEE)],
        supports_online_payment=True, online_depth=4, handling_form="窗口办理、网上办理（银行网点“不动产抵押登记便民服务点”）",
        result_type="证照", result_name="不动产登记证明", audience="both", themes=["gfzy"],
    ),
    _item(
        basic_code="000711150004", name="抵押权注销登记", department="QCBDC",
        item_type="行政确认", case_type="即办件", power_source="同级委托",
        legal_basis_set=f"{_BDC}第二十条；《中华人民共和国民法典》第三百九十三条（主债权消灭等情形担保物权消灭）。",
        legal_basis_impl=f"{_BDC_XZ}第二十八条：不动产权利消灭的，当事人可以申请办理注销登记。",
        legal_limit=30, promised_limit=0,
        acceptance_conditions="（一）主债权已消灭或者抵押权人放弃抵押权；\n（二）抵押权人同意注销。",
        materials=[
            dict(_BDC_MAT[0]),
            _m("不动产登记证明（抵押权）", source="issuing_department"),
            _m("抵押权消灭的材料", notes="抵押权人出具的解押证明或者同意注销的书面材料"),
            _id("申请人"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="窗口办理、网上办理（银行端线上注销）",
        result_type="其他", result_name="不动产登记簿注销记载", audience="both", themes=["gfzy"],
    ),
    _item(
        basic_code="000711150005", name="预购商品房预告登记", department="QCBDC",
        item_type="行政确认", case_type="承诺件", power_source="同级委托",
        legal_basis_set="《中华人民共和国民法典》第二百二十一条：当事人签订买卖房屋的协议……为保障将来实现物权，按照约定可以向登记机构申请预告登记。",
        legal_basis_impl=f"{_BDC_XZ}第八十五条、第八十六条。",
        legal_limit=30, promised_limit=2,
        acceptance_conditions="（一）已签订商品房预售合同并网签备案；\n（二）预售人与预购人共同申请，或者预售人未按约定申请时预购人单方申请。",
        materials=[
            dict(_BDC_MAT[0]),
            _id("预购人"),
            _m("已备案的商品房预售合同", source="government", notes="网签备案系统共享"),
            _m("当事人关于预告登记的约定", necessity="conditional", condition="预购人单方申请的"),
            *_agent(_BDC_XZ),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 1), ("登簿", "c", 1)),
        online_depth=3, result_name="不动产登记证明（预告登记）", audience="person", themes=["gfzy"],
    ),
    _item(
        basic_code="000711150006", name="不动产权证书（证明）补发", department="QCBDC",
        item_type="行政确认", case_type="承诺件", power_source="同级委托",
        legal_basis_set=f"{_BDC}第二十条。",
        legal_basis_impl=f"{_BDC_XZ}第二十二条：不动产权属证书或者不动产登记证明遗失、灭失，不动产权利人申请补发的，由不动产登记机构在其门户网站上"
                         "刊发不动产权利人的遗失、灭失声明15个工作日后，予以补发。",
        legal_limit=30, promised_limit=5,
        promised_limit_note="遗失声明期满后5个工作日内补发",
        acceptance_conditions="（一）不动产权属证书或者登记证明遗失、灭失或者破损；\n（二）权利人（全体共有人）申请。",
        materials=[
            dict(_BDC_MAT[0]),
            _id("不动产权利人"),
            _m("遗失、灭失声明", notes="登记中心门户网站免费刊发，无需登报"),
            _m("破损的不动产权证书", necessity="conditional", condition="因破损申请换发的", source="issuing_department"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("登簿", "c", 1), ("缮证", "w", 1)),
        special_procedures=[_sp("遗失声明公告", "15个工作日", f"{_BDC_XZ}第二十二条")],
        fees=[_fee("不动产权属证书工本费", "10元/本", _BDC_FEE)],
        supports_online_payment=True, online_depth=3, result_name="不动产权证书", audience="both", themes=["gfzy"],
    ),
    _item(
        basic_code="002011150007", name="不动产登记资料查询", department="QCBDC",
        item_type="公共服务", case_type="即办件", power_source="同级委托",
        legal_basis_set=f"{_BDC}第二十七条：权利人、利害关系人可以依法查询、复制不动产登记资料，不动产登记机构应当提供。",
        legal_basis_impl="《不动产登记资料查询暂行办法》（国土资源部令第80号，2019年修正）：查询结果能够当场提供的当场提供；"
                         "因特殊原因不能当场提供的，应当在5个工作日内提供。",
        legal_limit=5, promised_limit=0,
        acceptance_conditions="（一）权利人查询本人名下不动产登记资料；\n（二）利害关系人凭买卖合同、诉讼材料等证明利害关系；\n"
                              "（三）查询目的符合法律规定。",
        materials=[
            _m("不动产登记资料查询申请书"),
            _id("查询人"),
            _m("存在利害关系的证明材料", necessity="conditional", condition="利害关系人查询的"),
            *_agent(),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、自助终端、网上办理（天府通办）", result_type="其他",
        result_name="不动产登记资料查询结果证明", audience="both", themes=["gfzy"],
    ),
]

# ---------------------------------------------------------------- 公安局
_SFZ = "《中华人民共和国居民身份证法》"
_HKDJ = "《中华人民共和国户口登记条例》"
_JG_FEE = "《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》（发改价格〔2004〕2831号）"
ITEMS += [
    _item(
        basic_code="000710301001", name="居民身份证换领、补领", department="QCGAJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set=f"{_SFZ}第十一条：居民身份证有效期满、公民姓名变更或者证件严重损坏不能辨认的，公民应当换领新证；"
                        "居民身份证登记项目出现错误的，公安机关应当及时更正，换发新证；领取新证时，必须交回原证。居民身份证丢失的，应当申请补领。",
        legal_basis_impl=f"{_SFZ}第十条：公安机关应当自公民提交申请之日起六十日内发放居民身份证；交通不便的地区，办理时间可以适当延长，"
                         "但延长的时间不得超过三十日。《居民身份证异地受理挂失申报和丢失招领工作规范》。",
        legal_limit=60, legal_limit_unit="natural_days", promised_limit=20, promised_limit_unit="natural_days",
        legal_limit_note=f"{_SFZ}第十条：自提交申请之日起60日内发放",
        promised_limit_note="本县户籍20日内发放；异地受理的按省公安厅规定时限发放，可选择邮寄送达",
        acceptance_conditions="（一）居民身份证有效期满、姓名变更、证件严重损坏不能辨认或者丢失；\n"
                              "（二）本县常住户口居民，或者在本县办理异地换领、补领的外省（市）户籍居民。",
        materials=[
            _m("常住人口登记表或者居民户口簿", source="government", notes="本县户籍的由系统调取户籍信息"),
            _m("原居民身份证", necessity="conditional", condition="换领的", source="issuing_department", notes="领取新证时交回"),
            _m("居民身份证相片", notes="窗口免费现场采集人像及指纹；也可提交符合标准的数码相片回执"),
            _m("监护人身份证明", necessity="conditional", condition="未满十六周岁的公民申领的", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("签发", "c", 1), ("制证", "w", 10)),
        fees=[_fee("居民身份证工本费", "20元/证", f"{_SFZ}第二十条；《国家发展改革委 财政部关于第二代居民身份证收费标准等有关问题的通知》",
                   reducible=True)],
        supports_online_payment=True, visits_required=1, online_depth=3, anywhere_scope="跨省通办",
        result_name="中华人民共和国居民身份证", audience="person", themes=["hj"],
        faqs=[_q("居民身份证可以在清川县异地办理吗？",
                 "可以。外省（市）户籍居民可在县政务服务中心公安窗口申请异地换领、补领居民身份证，工本费20元，可选择邮寄送达。")],
    ),
    _item(
        basic_code="000710301002", name="临时居民身份证申领", department="QCGAJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set=f"{_SFZ}第十一条；《中华人民共和国临时居民身份证管理办法》第二条：居民身份证在申领、换领、补领期间，"
                        "急需使用居民身份证的，可以申请领取临时居民身份证。",
        legal_basis_impl="《中华人民共和国临时居民身份证管理办法》第六条：公安机关应当自收到申请之日起三日内发放临时居民身份证；"
                         "因特殊情况不能按期发放的，最长不得超过十日。",
        legal_limit=3, legal_limit_unit="natural_days", promised_limit=1, promised_limit_unit="hours",
        promised_limit_note="已申领居民身份证且急需使用的，受理后1小时内当场制发",
        acceptance_conditions="（一）已申请领取、换领或者补领居民身份证；\n（二）在居民身份证领取前急需使用居民身份证。",
        materials=[
            _m("居民身份证申领受理回执", source="issuing_department"),
            _m("本人其他有效身份证件", necessity="optional", source="government", notes="如护照、驾驶证等，用于核验身份"),
            _m("临时居民身份证相片", notes="现场采集"),
        ],
        steps=_steps(("受理", "w", 0), ("审核签发", "c", 0), ("制证", "w", 0)),
        fees=[_fee("临时居民身份证工本费", "10元/证", "《国家发展改革委 财政部关于第二代居民身份证收费标准等有关问题的通知》", reducible=True)],
        supports_online_payment=True, supports_delivery=False, visits_required=1, online_depth=1,
        handling_form="窗口办理", result_name="中华人民共和国临时居民身份证", audience="person", themes=["hj", "jtcx"],
    ),
    _item(
        basic_code="000710302001", name="出生登记", department="QCGAJ",
        item_type="行政确认", case_type="即办件",
        legal_basis_set=f"{_HKDJ}第七条：婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。",
        legal_basis_impl="《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）；《四川省户口登记管理规定》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）新生儿在本县出生或者父母一方为本县常住户口；\n（二）随父或者随母登记常住户口。",
        materials=[
            _m("出生医学证明", form="electronic", source="government", notes="卫生健康部门电子证照共享，免于提交纸质件"),
            _m("父亲或者母亲的居民户口簿", source="government"),
            _id("父母双方"),
            _m("结婚证", necessity="optional", source="government", notes="婚姻登记信息可共享核验，非婚生育的不作为办理条件"),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（“出生一件事”联办）", result_type="其他", result_name="居民户口簿（出生登记页）",
        audience="person", themes=["cssy", "hj"],
        faqs=[_q("“出生一件事”可以一次办哪些事？",
                 "出生医学证明、预防接种证、户口登记、城乡居民医保参保登记、社会保障卡申领，一次申请、一套材料、一次办结，全程可网上办理。")],
    ),
    _item(
        basic_code="000710302002", name="死亡人员户口注销", department="QCGAJ",
        item_type="行政确认", case_type="即办件",
        legal_basis_set=f"{_HKDJ}第八条：公民死亡，城市在葬前，农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。",
        legal_basis_impl="《四川省户口登记管理规定》；《关于进一步规范人口死亡医学证明和信息登记管理工作的通知》（国卫规划发〔2013〕57号）。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）死者为本县常住户口；\n（二）已取得居民死亡医学证明（推断）书或者其他死亡证明。",
        materials=[
            _m("居民死亡医学证明（推断）书", source="government", notes="卫生健康部门共享的，免于提交"),
            _m("死者居民户口簿", source="issuing_department"),
            _m("死者居民身份证", necessity="conditional", condition="死者已领取居民身份证的", source="issuing_department",
               notes="交回注销"),
            _id("申报人"),
        ],
        steps=_now(), visits_required=1, online_depth=3, anywhere_scope="全县通办",
        result_type="其他", result_name="户口注销证明", audience="person", themes=["shs", "hj"],
    ),
    _item(
        basic_code="000710302003", name="户口迁移（迁入）", department="QCGAJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set=f"{_HKDJ}第十条：公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记；"
                        "第十三条：公民迁移，从到达迁入地的时候起，城市在三日以内，农村在十日以内，由本人或者户主持迁移证件向户口登记机关申报迁入登记。",
        legal_basis_impl="《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）；《公安部关于推行户口迁移网上办理和“跨省通办”的通知》；"
                         "《清川县户籍管理实施细则》。",
        legal_limit=20, promised_limit=5,
        promised_limit_note="省内迁移即时办结；跨省迁移“一站式”办理，迁入地受理后5个工作日内完成迁入、迁出审批",
        acceptance_conditions="（一）在本县城镇有合法稳定住所（含租赁）的人员及其共同居住生活的配偶、子女、父母；\n"
                              "（二）在本县有合法稳定就业并参加城镇社会保险的人员；\n"
                              "（三）夫妻投靠、父母投靠子女、子女投靠父母等亲属投靠人员；\n（四）大中专院校毕业生、退役军人等政策性落户人员。",
        materials=[
            _m("户口迁移申请表", standard="申请人签字"),
            _id(),
            _m("迁出地居民户口簿", source="government", notes="跨省“一站式”迁移由系统核验迁出地户籍"),
            _m("合法稳定住所证明", necessity="conditional", condition="以住所落户的", commit=True,
               notes="不动产权证书、购房合同或者经备案的租赁合同"),
            _m("劳动合同和社会保险缴费证明", necessity="conditional", condition="以就业落户的", source="government"),
            _m("结婚证或者亲属关系证明", necessity="conditional", condition="投靠亲属落户的", source="government"),
            _m("毕业证书或者退役证明", necessity="conditional", condition="政策性落户的", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("审批", "c", 1), ("落户", "w", 1)),
        online_depth=3, anywhere_scope="跨省通办", result_type="其他", result_name="居民户口簿（迁入登记页）",
        audience="person", themes=["hj", "gfzy", "jh"],
    ),
    _item(
        basic_code="000710302004", name="户口登记项目变更更正", department="QCGAJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set=f"{_HKDJ}第十七条：户口登记的内容需要变更或者更正的时候，由户主或者本人向户口登记机关申报；户口登记机关审查属实后予以变更或者更正。",
        legal_basis_impl="《四川省户口登记管理规定》；《公安部关于规范户口登记项目变更更正工作的意见》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）姓名、性别、民族、出生日期、文化程度等户口登记项目确需变更或者更正；\n"
                              "（二）有能够证明更正（变更）理由的原始凭证；\n（三）变更更正出生日期、民族的，符合政策规定的情形。",
        materials=[
            _m("户口登记项目变更更正申请表", standard="本人（监护人）签字"),
            _id(),
            _m("居民户口簿", source="government"),
            _m("变更更正所依据的原始证明材料", notes="出生医学证明、入学入伍登记、人事档案等形成时间最早的原始记录"),
            _m("监护人同意的书面意见", necessity="conditional", condition="未成年人变更姓名的"),
        ],
        steps=_steps(("受理", "w", 0), ("调查核实", "a", 5), ("审核", "a", 2), ("审批", "c", 1), ("办结", "w", 1)),
        online_depth=2, handling_form="窗口办理", result_type="其他", result_name="户口登记项目变更更正证明",
        audience="person", themes=["hj"],
    ),
    _item(
        basic_code="000710303001", name="居住证申领", department="QCGAJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set="《居住证暂行条例》（国务院令第663号）第二条：公民离开常住户口所在地，到其他城市居住半年以上，"
                        "符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以依照本条例的规定申领居住证。",
        legal_basis_impl="《居住证暂行条例》第十条：公安机关应当自受理之日起15日内制作发放居住证；《四川省居住证实施办法》。",
        legal_limit=15, legal_limit_unit="natural_days", promised_limit=7, promised_limit_unit="natural_days",
        acceptance_conditions="（一）已在本县办理居住登记并居住满半年；\n（二）有合法稳定就业、合法稳定住所或者连续就读之一。",
        materials=[
            _m("居住证申领登记表"),
            _id(),
            _m("居住地住址证明", commit=True, notes="房屋租赁合同、房屋产权证明、单位或学校出具的住宿证明等；可以承诺替代"),
            _m("就业、就读证明", necessity="conditional", condition="以就业或者就读为条件申领的", source="government"),
            _m("近期相片", notes="窗口现场采集"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 1), ("签发", "c", 1), ("制证", "w", 2)),
        online_depth=3, anywhere_scope="无", result_name="四川省居住证", audience="person", themes=["hj"],
    ),
    _item(
        basic_code="000110304001", name="机动车驾驶证期满换证", department="QCGAJ",
        item_type="行政许可", case_type="即办件",
        legal_basis_set="《中华人民共和国道路交通安全法》第十九条：驾驶机动车，应当依法取得机动车驾驶证。",
        legal_basis_impl="《机动车驾驶证申领和使用规定》（公安部令第162号）：机动车驾驶人应当于机动车驾驶证有效期满前九十日内，"
                         "向机动车驾驶证核发地或者核发地以外的车辆管理所申请换证；车辆管理所应当自受理之日起1日内换发机动车驾驶证。",
        legal_limit=1, promised_limit=0,
        acceptance_conditions="（一）机动车驾驶证有效期满前90日内；\n（二）身体条件符合驾驶许可条件；\n（三）无未处理完毕的交通违法、事故记录。",
        materials=[
            _id("机动车驾驶人"),
            _m("机动车驾驶证", source="issuing_department", notes="换证时收回"),
            _m("机动车驾驶人身体条件证明", form="electronic", source="government",
               notes="在县人民医院等指定医疗机构体检，体检结果联网共享"),
        ],
        steps=_now(), fees=[_fee("机动车驾驶证工本费", "10元/证", _JG_FEE)], supports_online_payment=True,
        visits_required=0, online_depth=4, anywhere_scope="跨省通办",
        handling_form="窗口办理、网上办理（交管12123）", result_name="机动车驾驶证", audience="person", themes=["jtcx"],
    ),
    _item(
        basic_code="000110304002", name="机动车注册登记", department="QCGAJ",
        item_type="行政许可", case_type="承诺件", stationed=False,
        legal_basis_set="《中华人民共和国道路交通安全法》第八条：国家对机动车实行登记制度。机动车经公安机关交通管理部门登记后，方可上道路行驶。",
        legal_basis_impl="《中华人民共和国道路交通安全法》第九条：公安机关交通管理部门应当自受理申请之日起五个工作日内完成机动车登记审查工作；"
                         "《机动车登记规定》（公安部令第164号）：车辆管理所应当自受理之日起二日内，查验机动车，核对车辆识别代号拓印膜，审查提交的证明、凭证。",
        legal_limit=5, promised_limit=1,
        promised_limit_note="在县公安交警大队车管所查验区当日查验、当日上牌",
        acceptance_conditions="（一）机动车经查验合格；\n（二）已缴纳车辆购置税（免税车辆除外）；\n（三）已投保机动车交通事故责任强制保险。",
        materials=[
            _m("机动车注册登记申请表"),
            _id("机动车所有人"),
            _m("购车发票", form="electronic", notes="机动车销售统一发票，系统联网核验"),
            _m("机动车整车出厂合格证明或者进口机动车进口凭证", form="electronic", source="government"),
            _m("车辆购置税完税证明或者免税凭证", form="electronic", source="government", notes="税务部门联网核查"),
            _m("机动车交通事故责任强制保险凭证", form="electronic"),
        ],
        steps=_steps(("查验", "w", 0), ("受理", "w", 0), ("审核", "c", 1), ("核发号牌", "w", 0)),
        fees=[
            _fee("机动车号牌工本费（汽车）", "100元/副", _JG_FEE),
            _fee("机动车行驶证工本费", "10元/证", _JG_FEE),
            _fee("机动车登记证书工本费", "10元/证", _JG_FEE),
        ],
        supports_online_payment=True, online_depth=3, handling_form="窗口办理（车管所）、汽车销售企业代办",
        result_name="机动车登记证书、号牌、行驶证", audience="person", themes=["jtcx"],
    ),
    _item(
        basic_code="002010305001", name="无犯罪记录证明开具", department="QCGAJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《公安部关于做好无犯罪记录证明工作的通知》（公通字〔2021〕19号）：公安机关对个人、单位依法依规提出的开具无犯罪记录证明的申请，"
                        "应当予以受理。",
        legal_basis_impl="《公安部关于做好无犯罪记录证明工作的通知》：对于符合条件的申请，公安机关一般应当场出具；需要调查核实的，"
                         "应当在3个工作日内出具。",
        legal_limit=3, promised_limit=0,
        acceptance_conditions="（一）本县户籍人员或者在本县居住的持居住证人员；\n（二）申请用途为就业、出国（境）、收养等合法用途。",
        materials=[
            _m("无犯罪记录证明申请表"),
            _id(),
            *_agent(),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="跨省通办",
        handling_form="窗口办理、网上办理（天府通办）", result_type="其他", result_name="无犯罪记录证明",
        audience="person", themes=["jycy"],
    ),
    _item(
        basic_code="000110306001", name="普通护照签发", department="QCGAJ",
        item_type="行政许可", case_type="承诺件", stationed=False,
        legal_basis_set="《中华人民共和国护照法》第五条：公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国的，"
                        "由本人向户籍所在地的县级以上地方人民政府公安机关出入境管理机构申请普通护照。",
        legal_basis_impl="《中华人民共和国护照法》第六条：公安机关出入境管理机构应当自收到申请材料之日起十五日内签发普通护照；"
                         "《国家移民管理局关于实施便民利企出入境管理八项措施的公告》（全国通办）。",
        legal_limit=15, promised_limit=7,
        legal_limit_note="《中华人民共和国护照法》第六条：自收到申请材料之日起15日内签发（按行政许可法第八十二条以工作日计算）",
        promised_limit_note="7个工作日内签发，可选择邮政速递送达",
        acceptance_conditions="（一）中国公民；\n（二）不存在《中华人民共和国护照法》第十三条规定的不予签发情形。",
        materials=[
            _m("中国公民出入境证件申请表", notes="窗口现场打印，本人签名"),
            _id(),
            _m("出入境证件相片", notes="出入境窗口免费现场采集"),
            _m("监护人同意出境的意见及监护关系证明", necessity="conditional", condition="未满16周岁的"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("签发", "c", 1), ("制证", "w", 3)),
        fees=[_fee("普通护照工本费", "120元/本", "《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》（发改价格〔2019〕914号）")],
        supports_online_payment=True, online_depth=3, anywhere_scope="跨省通办",
        handling_form="窗口办理（县公安局出入境接待大厅）", result_name="中华人民共和国普通护照",
        audience="person", themes=["jtcx"],
    ),
    _item(
        basic_code="001010307001", name="公章刻制备案", department="QCGAJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set="《国务院关于第三批取消中央指定地方实施行政许可事项的决定》（国发〔2017〕7号）：取消公章刻制审批，"
                        "改为公安机关备案管理。",
        legal_basis_impl="《印铸刻字业暂行管理规则》；《四川省公章刻制业治安管理办法》。",
        legal_limit=0, promised_limit=0, promised_limit_note="企业开办“一网通”同步推送，刻章企业刻制后当场备案",
        acceptance_conditions="（一）已取得营业执照或者其他设立批准文件；\n（二）由公安机关备案的公章刻制企业刻制。",
        materials=[
            _licence(),
            _id("法定代表人"),
            _m("印章印模", form="electronic", source="applicant", notes="由公章刻制企业通过公章治安管理信息系统上传"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（企业开办一网通）",
        result_type="其他", result_name="公章刻制备案信息", audience="enterprise", themes=["kbqy"],
        faqs=[_q("新开办企业刻章要钱吗？", "清川县为新开办企业免费刻制首套印章（公章、财务专用章、发票专用章、法定代表人名章），费用由县财政承担。")],
    ),
    _item(
        basic_code="000110308001", name="旅馆业特种行业许可证核发", department="QCGAJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《旅馆业治安管理办法》第四条：申请开办旅馆，应经主管部门审查批准，经当地公安机关签署意见，向工商行政管理部门申请登记，"
                        "领取营业执照后，方准开业；《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）第四十三项。",
        legal_basis_impl="《四川省旅馆业治安管理办法》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）房屋建筑、消防设备、出入口和通道等符合消防安全规定；\n"
                              "（二）设置旅客财物保管室，配备保险柜或者保险箱；\n"
                              "（三）安装旅馆业治安管理信息系统和视频监控设备；\n（四）有健全的治安保卫制度和专（兼）职治安保卫人员。",
        materials=[
            _m("特种行业许可证申请登记表", standard="盖章签字齐全"),
            _licence(),
            _id("法定代表人（负责人）"),
            _m("经营场所房屋权属证明或者租赁合同", form="copy"),
            _m("公众聚集场所投入使用、营业前消防安全检查合格证或者告知承诺文书", source="government"),
            _m("旅馆平面图和治安保卫制度"),
        ],
        steps=_steps(("受理", "w", 0), ("现场检查", "a", 4), ("审核", "a", 3), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("现场检查", "4个工作日", "《旅馆业治安管理办法》", stops=False)],
        online_depth=3, result_name="特种行业许可证（旅馆业）", audience="enterprise", themes=["kbqy"],
    ),
]

# ---------------------------------------------------------------- 民政局
_SHJZ = "《社会救助暂行办法》（国务院令第649号，2019年修订）"
ITEMS += [
    _item(
        basic_code="000710401001", name="内地居民结婚登记", department="QCMZJ",
        item_type="行政确认", case_type="即办件",
        legal_basis_set="《中华人民共和国民法典》第一千零四十九条：要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。"
                        "符合本法规定的，予以登记，发给结婚证。",
        legal_basis_impl="《婚姻登记条例》第四条、第五条、第七条：婚姻登记机关应当对结婚登记当事人出具的证件、证明材料进行审查并询问相关情况。"
                         "对当事人符合结婚条件的，应当当场予以登记，发给结婚证。《国务院关于同意扩大内地居民婚姻登记“跨省通办”试点的批复》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）男女双方完全自愿；\n（二）男年满22周岁，女年满20周岁；\n（三）双方均无配偶；\n"
                              "（四）双方没有直系血亲和三代以内旁系血亲关系；\n"
                              "（五）一方常住户口在本县，或者一方在本县办理了居住证（“跨省通办”）。",
        materials=[
            _m("本人的居民户口簿", source="government", notes="以居住证申请“跨省通办”的，提交居住证"),
            _id("男女双方"),
            _m("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", copies=2,
               notes="在婚姻登记员面前现场签署"),
            _m("近期半身免冠合影照片", copies=3, paper="2寸", notes="红底，双方合影"),
        ],
        steps=_now(), visits_required=1, online_depth=2, anywhere_scope="跨省通办",
        handling_form="窗口办理（可网上预约，支持节假日预约颁证）", supports_delivery=False,
        result_name="结婚证", audience="person", themes=["jh"],
        faqs=[
            _q("结婚登记需要带户口簿原件吗？",
               "需要。双方应当携带本人户口簿和身份证原件；通过“跨省通办”在经常居住地办理的，一方提交居住证替代户口簿。"),
            _q("办理结婚登记收费吗？", "不收费。婚姻登记免收登记费和证书工本费。"),
        ],
    ),
    _item(
        basic_code="000710401002", name="内地居民离婚登记", department="QCMZJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set="《中华人民共和国民法典》第一千零七十六条：夫妻双方自愿离婚的，应当签订书面离婚协议，并亲自到婚姻登记机关申请离婚登记；"
                        "第一千零七十七条：自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关撤回离婚登记申请。"
                        "前款规定期限届满后三十日内，双方应当亲自到婚姻登记机关申请发给离婚证；未申请的，视为撤回离婚登记申请。",
        legal_basis_impl="《婚姻登记条例》；《民政部关于贯彻落实〈中华人民共和国民法典〉中有关婚姻登记规定的通知》（民发〔2020〕116号）。",
        legal_limit=30, legal_limit_unit="natural_days", promised_limit=30, promised_limit_unit="natural_days",
        legal_limit_note="离婚冷静期30日；期满后30日内双方亲自到场申请发证，符合条件的当场发给离婚证",
        promised_limit_note="冷静期满后双方到场申请发证的，当场办结",
        acceptance_conditions="（一）双方自愿离婚，并对子女抚养、财产及债务处理等事项协商一致；\n（二）双方具有完全民事行为能力；\n"
                              "（三）在本县办理结婚登记或者一方常住户口在本县。",
        materials=[
            _m("本人的居民户口簿", source="government"),
            _id("男女双方"),
            _m("结婚证", copies=2, source="issuing_department"),
            _m("离婚协议书", copies=3, notes="载明双方自愿离婚的意思表示以及对子女抚养、财产及债务处理等事项协商一致的意见"),
            _m("近期2寸单人半身免冠照片", necessity="conditional", condition="申请发给离婚证时", copies=4, paper="2寸"),
        ],
        steps=_steps(("申请受理", "w", 0), ("审查发证", "c", 0), ("归档", "w", 0)),
        visits_required=2, online_depth=2, anywhere_scope="无", handling_form="窗口办理（双方亲自到场）",
        supports_delivery=False, result_name="离婚证", audience="person", themes=["jh"],
    ),
    _item(
        basic_code="000510402001", name="最低生活保障审核确认", department="QCMZJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set=f"{_SHJZ}第九条：国家对共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地最低生活保障家庭财产状况规定的家庭，"
                        "给予最低生活保障；第十一条：申请最低生活保障，按照下列程序办理……",
        legal_basis_impl="《最低生活保障审核确认办法》（民发〔2021〕57号）：乡镇人民政府（街道办事处）应当自受理最低生活保障申请之日起30个工作日之内完成审核确认工作；"
                         "《四川省最低生活保障审核确认办法》。",
        legal_limit=30, promised_limit=20,
        legal_limit_note="自受理之日起30个工作日内完成审核确认；特殊情况可以延长至45个工作日",
        acceptance_conditions="（一）申请人持有本县户籍；\n（二）共同生活的家庭成员人均月收入低于本县最低生活保障标准（城市每人每月760元、农村每人每月570元）；\n"
                              "（三）家庭财产状况符合本县规定。",
        materials=[
            _m("最低生活保障申请书", standard="申请人签字（按手印）"),
            _id("申请人及共同生活家庭成员"),
            _m("居民户口簿", source="government"),
            _m("家庭经济状况核对授权书", notes="全体成年家庭成员签字"),
            _m("家庭收入和财产状况声明", commit=True),
            _m("残疾人证或者重病诊断证明", necessity="conditional", condition="家庭成员有重残、重病的", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("家庭经济状况调查", "a", 8), ("审核", "a", 5), ("审批", "c", 3), ("送达", "w", 1)),
        special_procedures=[
            _sp("入户调查", "10个工作日", "《最低生活保障审核确认办法》", stops=False),
            _sp("公示", "7日", "《最低生活保障审核确认办法》：对拟保障家庭在申请人所在村（社区）公示"),
        ],
        online_depth=3, anywhere_scope="全县通办", handling_form="窗口办理（乡镇便民服务中心、村代办点均可受理）、网上办理",
        result_type="其他", result_name="最低生活保障审核确认决定书及最低生活保障证", audience="person", themes=["shjz"],
    ),
    _item(
        basic_code="000510402002", name="特困人员救助供养审核确认", department="QCMZJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set=f"{_SHJZ}第十四条：国家对无劳动能力、无生活来源且无法定赡养、抚养、扶养义务人，或者其法定赡养、抚养、扶养义务人无赡养、"
                        "抚养、扶养能力的老年人、残疾人以及未满16周岁的未成年人，给予特困人员供养；第十六条。",
        legal_basis_impl="《特困人员认定办法》（民发〔2021〕43号）。",
        legal_limit=20, promised_limit=15,
        acceptance_conditions="（一）无劳动能力；\n（二）无生活来源；\n（三）无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力。",
        materials=[
            _m("特困人员救助供养申请书", standard="本人或者代理人签字"),
            _id(),
            _m("居民户口簿", source="government"),
            _m("家庭经济状况核对授权书"),
            _m("残疾人证", necessity="conditional", condition="以残疾为由申请的", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("调查", "a", 6), ("审核", "a", 4), ("审批", "c", 3), ("送达", "w", 1)),
        special_procedures=[_sp("公示", "7日", "《特困人员认定办法》：在申请人所在村（社区）公示")],
        online_depth=3, anywhere_scope="全县通办", result_type="其他", result_name="特困人员救助供养证",
        audience="person", themes=["shjz"],
    ),
    _item(
        basic_code="000510402003", name="临时救助", department="QCMZJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set=f"{_SHJZ}第四十七条：国家对因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭，"
                        "或者因生活必需支出突然增加超出家庭承受能力，导致基本生活暂时出现严重困难的最低生活保障家庭……给予临时救助。",
        legal_basis_impl="《民政部 财政部关于进一步加强和改进临时救助工作的意见》（民发〔2018〕23号）；《清川县临时救助实施细则》。",
        legal_limit=20, promised_limit=10,
        promised_limit_note="情况紧急的，乡镇（县民政局）可先行救助，事后补齐手续",
        acceptance_conditions="（一）因意外事件、突发重大疾病等导致基本生活暂时出现严重困难；\n（二）家庭收入和财产符合规定。",
        materials=[
            _m("临时救助申请书"),
            _id(),
            _m("遭遇困难的相关证明", notes="如医疗费用票据、事故证明、火灾证明等"),
            _m("家庭经济状况核对授权书"),
        ],
        steps=_steps(("受理", "w", 0), ("核查", "a", 4), ("审批", "c", 3), ("发放", "w", 1)),
        online_depth=3, anywhere_scope="全县通办", result_type="其他", result_name="临时救助金",
        audience="person", themes=["shjz"],
    ),
    _item(
        basic_code="000110403001", name="社会团体成立登记", department="QCMZJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《社会团体登记管理条例》第三条：成立社会团体，应当经其业务主管单位审查同意，并依照本条例的规定进行登记。",
        legal_basis_impl="《社会团体登记管理条例》第十二条：登记管理机关应当自收到全部有效文件之日起60日内，作出准予或者不予登记的决定。"
                         "《中共中央办公厅 国务院办公厅关于改革社会组织管理制度促进社会组织健康有序发展的意见》（四类社会组织直接登记）。",
        legal_limit=60, promised_limit=20,
        acceptance_conditions="（一）有50个以上的个人会员或者30个以上的单位会员，或者二者合计50个以上；\n（二）有规范的名称和相应的组织机构；\n"
                              "（三）有固定的住所；\n（四）有与其业务活动相适应的专职工作人员；\n"
                              "（五）有合法的资产和经费来源，县级社会团体有3万元以上活动资金；\n（六）有独立承担民事责任的能力。",
        materials=[
            _m("社会团体成立登记申请书", standard="发起人签字"),
            _m("业务主管单位的批准文件", necessity="conditional", condition="不属于直接登记类型的", form="copy"),
            _m("验资报告、场所使用权证明"),
            _m("发起人和拟任负责人的基本情况、身份证明", source="government"),
            _m("章程草案", notes="经会员大会或者会员代表大会通过"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 12), ("决定", "c", 3), ("制证", "w", 2)),
        online_depth=3, result_name="社会团体法人登记证书", audience="enterprise", themes=[],
    ),
    _item(
        basic_code="000110403002", name="民办非企业单位成立登记", department="QCMZJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《民办非企业单位登记管理暂行条例》第三条：成立民办非企业单位，应当经其业务主管单位审查同意，并依照本条例的规定登记。",
        legal_basis_impl="《民办非企业单位登记管理暂行条例》第十一条：登记管理机关应当自收到成立登记申请的全部有效文件之日起60日内，作出准予登记或者不予登记的决定。",
        legal_limit=60, promised_limit=20,
        acceptance_conditions="（一）经业务主管单位审查同意（直接登记的除外）；\n（二）有规范的名称、必要的组织机构；\n"
                              "（三）有与其业务活动相适应的从业人员；\n（四）有与其业务活动相适应的合法财产；\n（五）有必要的场所。",
        materials=[
            _m("民办非企业单位成立登记申请书"),
            _m("业务主管单位的批准文件", necessity="conditional", condition="不属于直接登记类型的", form="copy"),
            _m("场所使用权证明"),
            _m("验资报告"),
            _m("拟任负责人的基本情况、身份证明", source="government"),
            _m("章程草案"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 12), ("决定", "c", 3), ("制证", "w", 2)),
        online_depth=3, result_name="民办非企业单位（法人）登记证书", audience="enterprise", themes=["jy"],
    ),
    _item(
        basic_code="000510404001", name="惠民殡葬补贴（基本殡葬服务费用减免）", department="QCMZJ",
        item_type="行政给付", case_type="即办件",
        legal_basis_set="《殡葬管理条例》第三条；《民政部等九部门关于进一步推动殡葬改革促进殡葬事业发展的指导意见》（民发〔2018〕5号）："
                        "推行惠民殡葬政策，为城乡困难群众免除遗体接运、暂存、火化、骨灰存放等基本殡葬服务费用。",
        legal_basis_impl="《四川省惠民殡葬政策实施办法》；《清川县基本殡葬服务费用减免实施方案》。",
        legal_limit=0, promised_limit=0, promised_limit_note="在县殡仪馆结算时直接减免，即时办结",
        acceptance_conditions="（一）逝者为本县户籍居民；\n（二）在本县殡仪馆实行火化。",
        materials=[
            _m("居民死亡医学证明（推断）书", source="government"),
            _id("经办人"),
            _m("逝者居民户口簿或者居民身份证", source="government"),
        ],
        steps=_now(), visits_required=1, online_depth=1, handling_form="窗口办理（县殡仪馆服务窗口）",
        result_type="其他", result_name="基本殡葬服务费用减免结算单", audience="person", themes=["shs"],
    ),
    _item(
        basic_code="000510405001", name="80周岁以上老年人高龄津贴发放", department="QCMZJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国老年人权益保障法》第三十三条：国家建立和完善老年人福利制度，根据经济社会发展水平和老年人的实际需要，"
                        "增加老年人的社会福利。国家鼓励地方建立八十周岁以上低收入老年人高龄津贴制度。",
        legal_basis_impl="《四川省老年人高龄津贴发放管理办法》；《清川县高龄津贴发放实施细则》：80至89周岁每人每月50元，90至99周岁每人每月100元，"
                         "100周岁以上每人每月300元。",
        legal_limit=20, promised_limit=10, promised_limit_note="符合条件的“免申即享”，系统比对后次月发放",
        acceptance_conditions="（一）本县户籍；\n（二）年满80周岁。",
        materials=[
            _m("高龄津贴申请表", necessity="optional", notes="户籍信息比对已推送的，无需申请"),
            _id(),
            _m("社会保障卡或者银行账户信息", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 5), ("审批", "c", 2), ("发放", "w", 2)),
        visits_required=0, online_depth=4, anywhere_scope="全县通办", handling_form="免申即享、窗口办理、网上办理",
        result_type="其他", result_name="高龄津贴", audience="person", themes=["txyl"],
    ),
    _item(
        basic_code="000510406001", name="困难残疾人生活补贴和重度残疾人护理补贴", department="QCMZJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国残疾人保障法》第四十八条；《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）。",
        legal_basis_impl="《四川省困难残疾人生活补贴和重度残疾人护理补贴实施办法》：乡镇受理、县残联审核、县民政局审定。",
        legal_limit=20, promised_limit=15,
        acceptance_conditions="（一）困难残疾人生活补贴：持第二代残疾人证的低保家庭中的残疾人；\n"
                              "（二）重度残疾人护理补贴：残疾等级被评定为一级、二级且需要长期照护的重度残疾人。",
        materials=[
            _m("残疾人两项补贴申请审批表"),
            _id(),
            _m("中华人民共和国残疾人证", source="government"),
            _m("监护人身份证明及监护关系证明", necessity="conditional", condition="由监护人代为申请的"),
        ],
        steps=_steps(("受理", "w", 0), ("残联审核", "a", 6), ("民政审定", "c", 4), ("发放", "w", 2)),
        online_depth=4, anywhere_scope="跨省通办", handling_form="窗口办理、网上办理（全国残疾人两项补贴“跨省通办”）",
        result_type="其他", result_name="残疾人两项补贴", audience="person", themes=["cjrfw", "shjz"],
    ),
]

# ---------------------------------------------------------------- 人力资源和社会保障局
_SBF = "《中华人民共和国社会保险法》"
ITEMS += [
    _item(
        basic_code="002011001001", name="社会保障卡申领（即时制卡）", department="QCRSJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_SBF}第五十八条：国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。",
        legal_basis_impl="《社会保障卡管理办法》（人社部发〔2011〕47号）；《四川省社会保障卡（第三代）发行应用工作方案》。",
        legal_limit=0, promised_limit=0, promised_limit_note="县政务服务中心人社窗口及合作银行网点即时制卡，立等可取",
        acceptance_conditions="（一）已参加社会保险或者有社会保险参保意愿的人员；\n（二）此前未申领过社会保障卡，或者需要补领、换领。",
        materials=[
            _id(),
            _m("社会保障卡申领登记表", notes="窗口现场打印，本人签字"),
            _m("监护人身份证明", necessity="conditional", condition="为未成年人申领的", source="government"),
        ],
        steps=_now(), visits_required=1, online_depth=4, anywhere_scope="跨省通办",
        handling_form="窗口办理、银行网点办理、网上办理（电子社保卡）", result_name="社会保障卡",
        audience="person", themes=["jycy", "cssy", "yl"],
    ),
    _item(
        basic_code="000511002001", name="失业保险金申领", department="QCRSJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set=f"{_SBF}第四十五条：失业人员符合下列条件的，从失业保险基金中领取失业保险金……；"
                        "《失业保险条例》第十四条、第十六条。",
        legal_basis_impl="《失业保险金申领发放办法》（劳动和社会保障部令第8号，2019年修订）：经办机构自受理失业人员领取失业保险金申请之日起10日内，"
                         "对申领者的资格进行审核认定。",
        legal_limit=10, legal_limit_unit="natural_days", promised_limit=3, promised_limit_unit="natural_days",
        acceptance_conditions="（一）失业前用人单位和本人已经缴纳失业保险费满一年；\n（二）非因本人意愿中断就业；\n"
                              "（三）已经进行失业登记，并有求职要求。",
        materials=[
            _id(),
            _m("解除或者终止劳动关系的证明", source="government", notes="用人单位已在系统办理减员的，免于提交"),
            _m("社会保障卡（银行账户）", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("决定", "c", 1)),
        visits_required=0, online_depth=4, anywhere_scope="全省通办", handling_form="网上办理（全程网办）、窗口办理",
        result_type="其他", result_name="失业保险金待遇核定表", audience="person", themes=["jycy"],
        faqs=[_q("失业保险金每月能领多少？", "按本县最低工资标准的90%按月发放，领取期限根据累计缴费年限确定，最长不超过24个月。")],
    ),
    _item(
        basic_code="002011003001", name="城乡居民基本养老保险参保登记", department="QCRSJ",
        item_type="公共服务", case_type="即办件", exercise_level="镇级", power_source="上级下放",
        legal_basis_set=f"{_SBF}第二十条、第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）："
                        "年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民，"
                        "可以在户籍地参加城乡居民养老保险。",
        legal_basis_impl="《城乡居民基本养老保险经办规程》（人社部发〔2019〕84号）。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）年满16周岁（不含在校学生）；\n（二）本县户籍；\n（三）未参加职工基本养老保险。",
        materials=[
            _m("城乡居民基本养老保险参保登记表", notes="乡镇便民服务中心、村代办点可代为填报"),
            _id(),
            _m("居民户口簿", source="government"),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全县通办",
        handling_form="窗口办理（乡镇便民服务中心、村代办点）、网上办理", result_type="其他",
        result_name="参保登记信息", audience="person", themes=["txyl"],
    ),
    _item(
        basic_code="000511003002", name="城乡居民基本养老保险待遇申领", department="QCRSJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）：参加城乡居民养老保险的个人，年满60周岁、"
                        "累计缴费满15年，且未领取国家规定的基本养老保障待遇的，可以按月领取城乡居民养老保险待遇。",
        legal_basis_impl="《城乡居民基本养老保险经办规程》（人社部发〔2019〕84号）。",
        legal_limit=20, promised_limit=10, promised_limit_note="审核通过后次月起按月发放",
        acceptance_conditions="（一）年满60周岁；\n（二）累计缴费满15年，或者符合政策规定的补缴、衔接条件；\n（三）未领取其他基本养老保障待遇。",
        materials=[
            _m("城乡居民基本养老保险待遇申领表"),
            _id(),
            _m("社会保障卡", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 5), ("复核", "c", 2), ("待遇核定", "w", 1)),
        visits_required=0, online_depth=4, anywhere_scope="全县通办",
        result_type="其他", result_name="城乡居民养老保险待遇核定表", audience="person", themes=["txyl"],
    ),
    _item(
        basic_code="000711004001", name="职工正常退休（职）申请", department="QCRSJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set=f"{_SBF}第十六条：参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。"
                        "《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》。",
        legal_basis_impl="《国务院关于渐进式延迟法定退休年龄的办法》；《四川省企业职工退休审批办法》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）达到法定退休年龄（按渐进式延迟法定退休年龄办法确定）；\n"
                              "（二）基本养老保险累计缴费年限满15年（自2030年1月1日起逐步提高）；\n（三）与用人单位解除劳动关系或者灵活就业人员申请。",
        materials=[
            _m("职工退休（职）申报表", standard="单位盖章（灵活就业人员本人签字）"),
            _id(),
            _m("职工人事档案", notes="存档机构调阅，用于核定出生时间、参加工作时间和视同缴费年限"),
        ],
        steps=_steps(("受理", "w", 0), ("档案审核", "a", 5), ("审批", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("审批结果公示", "5个工作日", "《四川省企业职工退休审批办法》")],
        online_depth=3, anywhere_scope="全市通办", result_type="批文", result_name="职工退休审批表",
        audience="person", themes=["txyl"],
    ),
    _item(
        basic_code="000511004002", name="企业职工基本养老保险待遇申领", department="QCRSJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set=f"{_SBF}第十六条、第十五条（基本养老金由统筹养老金和个人账户养老金组成）。",
        legal_basis_impl="《企业职工基本养老保险待遇申领经办规程》；《四川省完善企业职工基本养老保险制度实施办法》。",
        legal_limit=20, promised_limit=5, promised_limit_note="退休审批通过后5个工作日内完成待遇核定，次月发放",
        acceptance_conditions="（一）已办理退休（职）审批；\n（二）累计缴费满15年。",
        materials=[
            _m("基本养老保险待遇申领表"),
            _id(),
            _m("社会保障卡", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("待遇核定", "a", 3), ("复核", "c", 1), ("发放", "w", 1)),
        visits_required=0, online_depth=4, anywhere_scope="全省通办", handling_form="网上办理（全程网办）、窗口办理",
        result_type="其他", result_name="基本养老金核定表", audience="person", themes=["txyl"],
    ),
    _item(
        basic_code="000111005001", name="人力资源服务许可", department="QCRSJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国就业促进法》第四十条；《人力资源市场暂行条例》（国务院令第700号）第十八条：经营性人力资源服务机构从事职业中介活动的，"
                        "应当依法向人力资源社会保障行政部门申请行政许可，取得人力资源服务许可证。",
        legal_basis_impl="《人力资源市场暂行条例》第十九条：人力资源社会保障行政部门应当自收到经营性人力资源服务机构从事职业中介活动的申请之日起20日内依法作出行政许可决定；"
                         "《人力资源服务机构管理规定》（人力资源社会保障部令第50号）。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有明确的章程和管理制度；\n（二）有开展业务必备的固定场所、办公设施；\n"
                              "（三）有与开展业务相适应的专职工作人员。",
        materials=[
            _m("人力资源服务许可申请表"),
            _licence(),
            _m("固定场所使用证明", commit=True),
            _m("专职工作人员名单及身份证明", source="government"),
            _m("管理制度文本"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=4, anywhere_scope="无", result_name="人力资源服务许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="000111005002", name="劳务派遣经营许可", department="QCRSJ",
        item_type="行政许可", case_type="承诺件", power_source="上级下放",
        legal_basis_set="《中华人民共和国劳动合同法》第五十七条：经营劳务派遣业务，应当向劳动行政部门依法申请行政许可；经许可的，依法办理相应的公司登记。",
        legal_basis_impl="《劳务派遣行政许可实施办法》（人力资源社会保障部令第19号）：许可机关应当自受理之日起20个工作日内作出是否准予行政许可的决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）注册资本不得少于人民币200万元；\n（二）有与开展业务相适应的固定的经营场所和设施；\n"
                              "（三）有符合法律、行政法规规定的劳务派遣管理制度；\n（四）法律、行政法规规定的其他条件。",
        materials=[
            _m("劳务派遣经营许可申请书"),
            _licence(),
            _m("公司章程以及验资机构出具的验资报告或者财务审计报告"),
            _m("经营场所的使用证明以及与开展业务相适应的办公设施设备、信息管理系统等清单"),
            _m("劳务派遣管理制度", notes="包括劳动合同、劳动报酬、社会保险、工作时间、休息休假、劳动纪律等与劳动者切身利益相关的规章制度文本"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 5), ("现场核查", "a", 2), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("现场核查", "2个工作日", "《劳务派遣行政许可实施办法》", stops=False)],
        online_depth=3, result_name="劳务派遣经营许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="002011006001", name="就业创业证申领", department="QCRSJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国就业促进法》第十八条；《就业服务与就业管理规定》（劳动和社会保障部令第28号）。",
        legal_basis_impl="《人力资源社会保障部关于进一步完善就业失业登记管理办法的通知》（人社部发〔2014〕97号）：将《就业失业登记证》更名为《就业创业证》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）法定劳动年龄内、有劳动能力和就业要求；\n（二）已办理就业登记或者失业登记。",
        materials=[_id(), _m("就业创业证申领表", necessity="optional", notes="系统可自动生成")],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（电子就业创业证）", result_name="就业创业证", audience="person", themes=["jycy"],
    ),
    _item(
        basic_code="002011006002", name="创业担保贷款申请", department="QCRSJ",
        item_type="公共服务", case_type="联办件",
        legal_basis_set="《中华人民共和国就业促进法》第十九条；《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》"
                        "（财金〔2020〕21号）。",
        legal_basis_impl="《四川省创业担保贷款实施办法》：个人创业担保贷款最高额度30万元，小微企业最高额度400万元；人社部门资格审核、担保机构担保、经办银行放贷、财政贴息。",
        legal_limit=15, promised_limit=10,
        promised_limit_note="人社资格审核3个工作日、担保机构审核3个工作日、经办银行审贷4个工作日",
        acceptance_conditions="（一）城镇登记失业人员、就业困难人员、退役军人、高校毕业生、返乡创业农民工等重点群体；\n"
                              "（二）在本县创业并取得营业执照；\n（三）本人及家庭成员无不良信用记录（助学贷款、扶贫贷款除外）。",
        materials=[
            _m("创业担保贷款申请表"),
            _id(),
            _licence(),
            _m("重点群体身份证明", necessity="conditional", condition="退役军人、脱贫人口等需证明身份的", source="government"),
            _m("创业项目计划书"),
        ],
        steps=_steps(("受理", "w", 0), ("资格审核", "a", 3), ("担保审核", "a", 3), ("放贷决定", "c", 4)),
        online_depth=3, result_type="其他", result_name="创业担保贷款（贴息）", audience="both", themes=["jycy"],
    ),
    _item(
        basic_code="000511006003", name="灵活就业人员社会保险补贴申领", department="QCRSJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国就业促进法》第十七条；《就业补助资金管理办法》（财社〔2017〕164号）。",
        legal_basis_impl="《四川省就业补助资金管理办法》：就业困难人员灵活就业后缴纳社会保险费的，给予一定的社会保险补贴，补贴期限最长不超过3年。",
        legal_limit=20, promised_limit=15,
        acceptance_conditions="（一）已认定为就业困难人员或者离校2年内未就业的高校毕业生；\n（二）以灵活就业方式就业并缴纳社会保险费。",
        materials=[
            _m("灵活就业人员社会保险补贴申请表"),
            _id(),
            _m("灵活就业证明", commit=True, notes="个人书面承诺从事灵活就业的情况"),
            _m("社会保险缴费凭证", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 8), ("公示后审批", "c", 3), ("拨付", "w", 2)),
        special_procedures=[_sp("公示", "5个工作日", "《就业补助资金管理办法》")],
        online_depth=4, anywhere_scope="全县通办", result_type="其他", result_name="社会保险补贴",
        audience="person", themes=["jycy"],
    ),
    _item(
        basic_code="000711007001", name="工伤认定", department="QCRSJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set="《工伤保险条例》第十七条：职工发生事故伤害或者按照职业病防治法规定被诊断、鉴定为职业病，所在单位应当自事故伤害发生之日或者"
                        "被诊断、鉴定为职业病之日起30日内，向统筹地区社会保险行政部门提出工伤认定申请。",
        legal_basis_impl="《工伤保险条例》第二十条：社会保险行政部门应当自受理工伤认定申请之日起60日内作出工伤认定的决定；对受理的事实清楚、"
                         "权利义务明确的工伤认定申请，应当在15日内作出决定。《工伤认定办法》（人力资源和社会保障部令第8号）。",
        legal_limit=60, legal_limit_unit="natural_days", promised_limit=30, promised_limit_unit="natural_days",
        promised_limit_note="事实清楚、权利义务明确的，15日内作出决定",
        acceptance_conditions="（一）用人单位在事故伤害发生之日起30日内，或者职工、近亲属、工会组织在1年内提出申请；\n"
                              "（二）与用人单位存在劳动关系（含事实劳动关系）；\n（三）属于本县统筹范围。",
        materials=[
            _m("工伤认定申请表", notes="包括事故发生的时间、地点、原因以及职工伤害程度等基本情况"),
            _m("与用人单位存在劳动关系（包括事实劳动关系）的证明材料", form="copy"),
            _m("医疗诊断证明或者职业病诊断证明书（或者职业病诊断鉴定书）", form="copy"),
            _id("受伤害职工"),
            _m("死亡证明", necessity="conditional", condition="职工死亡的", source="government"),
            _m("公安机关交通事故认定书等证明材料", necessity="conditional", condition="因交通事故等需要相关部门结论的", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("调查核实", "a", 10), ("审核", "a", 5), ("决定", "c", 3), ("送达", "w", 2)),
        special_procedures=[_sp("中止（等待司法机关或者有关行政主管部门结论）", "以有关部门作出结论之日为准",
                                "《工伤保险条例》第二十条第三款")],
        online_depth=3, anywhere_scope="无", result_type="批文", result_name="认定工伤（视同工伤）决定书",
        audience="both", themes=["jycy"],
    ),
    _item(
        basic_code="000911008001", name="劳动人事争议仲裁申请受理", department="QCRSJ",
        item_type="行政裁决", case_type="承诺件",
        legal_basis_set="《中华人民共和国劳动争议调解仲裁法》第二条、第二十八条；第二十九条：劳动争议仲裁委员会收到仲裁申请之日起五日内，"
                        "认为符合受理条件的，应当受理。",
        legal_basis_impl="《中华人民共和国劳动争议调解仲裁法》第四十三条：仲裁庭裁决劳动争议案件，应当自劳动争议仲裁委员会受理仲裁申请之日起四十五日内结束。"
                         "案情复杂需要延期的，经劳动争议仲裁委员会主任批准，可以延期并书面通知当事人，但是延长期限不得超过十五日。"
                         "《劳动人事争议仲裁办案规则》（人力资源社会保障部令第33号）。",
        legal_limit=45, legal_limit_unit="natural_days", promised_limit=40, promised_limit_unit="natural_days",
        acceptance_conditions="（一）申请人是与本案有直接利害关系的劳动者或者用人单位；\n（二）有明确的被申请人、具体的仲裁请求和事实、理由；\n"
                              "（三）属于劳动人事争议仲裁受理范围，且在仲裁时效（一年）内；\n（四）属于本仲裁委员会管辖。",
        materials=[
            _m("劳动人事争议仲裁申请书", copies=2, notes="按被申请人人数提交副本"),
            _id(),
            _m("被申请人主体信息", notes="用人单位名称、住所、法定代表人，可由系统查询"),
            _m("证据材料及证据清单", form="copy"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("送达答辩", "w", 3), ("开庭审理", "a", 15), ("合议裁决", "c", 5), ("送达", "w", 2)),
        special_procedures=[_sp("鉴定", "以鉴定机构出具结论之日为准", "《劳动人事争议仲裁办案规则》：鉴定期间不计入仲裁期限")],
        online_depth=3, anywhere_scope="无", supports_delivery=True,
        result_type="批文", result_name="仲裁裁决书（调解书）", audience="both", themes=["jycy"],
    ),
    _item(
        basic_code="002011009001", name="用人单位社会保险登记", department="QCRSJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_SBF}第五十七条：用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。"
                        "社会保险经办机构应当自收到申请之日起十五日内予以审核，发给社会保险登记证件。",
        legal_basis_impl="《社会保险费申报缴纳管理规定》；《国务院办公厅关于加快推进“多证合一”改革的指导意见》（社会保险登记证整合到营业执照）。",
        legal_limit=10, promised_limit=0,
        legal_limit_note="《中华人民共和国社会保险法》第五十七条：自收到申请之日起十五日内予以审核（折合不少于10个工作日）",
        acceptance_conditions="（一）在本县依法设立的企业、个体工商户（有雇工的）等用人单位；\n（二）已取得营业执照。",
        materials=[_licence(), _m("社会保险单位信息登记表", notes="企业开办“一网通”同步采集")],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="网上办理（企业开办一网通同步办理）", result_type="其他", result_name="单位社会保险登记信息",
        audience="enterprise", themes=["kbqy"],
    ),
]

# ---------------------------------------------------------------- 卫生健康局
_GGCS = "《公共场所卫生管理条例实施细则》（原卫生部令第80号，2017年修订）"
_YLJG = "《医疗机构管理条例》（2022年修订）"
ITEMS += [
    _item(
        basic_code="000112001001", name="公共场所卫生许可（新办）", department="QCWJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《公共场所卫生管理条例》第八条：除公园、体育场（馆）、公共交通工具外的公共场所，经营单位应当及时向卫生行政部门申请办理“卫生许可证”。",
        legal_basis_impl=f"{_GGCS}：县级以上地方人民政府卫生计生行政部门应当自受理公共场所卫生许可申请之日起20日内，对申报资料进行审查，"
                         "对现场进行审核，符合规定条件的，作出准予公共场所卫生许可的决定。《国务院关于整合调整餐饮服务场所的公共场所卫生许可证和食品经营许可证的决定》。",
        legal_limit=20, promised_limit=5,
        promised_limit_note="实行告知承诺制的，材料齐全当场发证，后续开展现场核查",
        acceptance_conditions="（一）属于宾馆、旅店、招待所、公共浴室、理发店、美容店、游泳场（馆）等需要卫生许可的公共场所；\n"
                              "（二）场所选址、布局、设施设备符合卫生标准和规范要求；\n（三）从业人员已取得有效健康合格证明；\n"
                              "（四）有卫生管理制度和卫生管理人员。",
        materials=[
            _m("公共场所卫生许可申请表", standard="签字盖章齐全"),
            _licence(),
            _m("公共场所地址方位示意图、平面图和卫生设施平面布局图"),
            _m("公共场所卫生检测或者评价报告", necessity="conditional", condition="未适用告知承诺的", commit=True),
            _m("公共场所卫生管理制度"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("现场审核", "a", 2), ("决定", "c", 1), ("制证", "w", 0)),
        special_procedures=[_sp("现场审核", "2个工作日", _GGCS, stops=False)],
        online_depth=4, anywhere_scope="全市通办", result_name="公共场所卫生许可证", audience="enterprise",
        themes=["kbqy"],
    ),
    _item(
        basic_code="000112001003", name="公共场所卫生许可（延续）", department="QCWJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"《公共场所卫生管理条例》第八条；{_XKF}第五十条。",
        legal_basis_impl=f"{_GGCS}：公共场所卫生许可证有效期限为四年；经营单位需要延续的，应当在有效期届满30日前向原发证机关提出申请。",
        legal_limit=20, promised_limit=3,
        acceptance_conditions="（一）在卫生许可证有效期届满30日前提出；\n（二）卫生条件未发生变化或者仍符合要求。",
        materials=[
            _m("公共场所卫生许可延续申请表"),
            _m("公共场所卫生许可证", source="issuing_department"),
            _m("卫生条件未发生变化的承诺书", commit=True),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("决定", "c", 1), ("制证", "w", 0)),
        visits_required=0, online_depth=4, anywhere_scope="全市通办", handling_form="网上办理（全程网办）、窗口办理",
        result_name="公共场所卫生许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="000112002001", name="医疗机构设置审批", department="QCWJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_YLJG}第九条：单位或者个人设置医疗机构，按照国务院的规定应当办理设置医疗机构批准书的，应当经县级以上地方人民政府卫生行政部门审查批准，"
                        "并取得设置医疗机构批准书。",
        legal_basis_impl="《医疗机构管理条例实施细则》（国家卫生计生委令第12号修正）；《医疗机构设置规划指导原则》。",
        legal_limit=30, promised_limit=15,
        acceptance_conditions="（一）符合本县医疗机构设置规划和医疗机构基本标准；\n（二）能够独立承担民事责任；\n"
                              "（三）不属于《医疗机构管理条例实施细则》规定不得申请设置医疗机构的情形。",
        materials=[
            _m("设置医疗机构申请书"),
            _m("设置可行性研究报告"),
            _m("选址报告和建筑设计平面图"),
            _licence(necessity="conditional", condition="单位申请设置的"),
            _id("设置人", condition="个人申请设置的", necessity="conditional"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 7), ("现场勘验", "a", 4), ("决定", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("专家评审", "10个工作日", f"{_XKF}第四十五条；《医疗机构管理条例实施细则》")],
        online_depth=3, result_type="批文", result_name="设置医疗机构批准书", audience="both", themes=["kbqy"],
    ),
    _item(
        basic_code="000112002002", name="医疗机构执业登记", department="QCWJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_YLJG}第十五条：医疗机构执业，必须进行登记，领取《医疗机构执业许可证》；诊所按照国务院卫生行政部门的规定向所在地的县级人民政府卫生行政部门备案后，可以执业。",
        legal_basis_impl=f"{_YLJG}：登记机关在受理医疗机构执业登记申请后，应当按照规定的条件和时限进行审查和实地考察、核实，"
                         "对有关执业人员进行消毒、隔离和无菌操作等基本知识和技能的现场抽查考核；审核合格的，发给《医疗机构执业许可证》。",
        legal_limit=45, promised_limit=20,
        acceptance_conditions="（一）有设置医疗机构批准书（按规定需要的）；\n（二）符合医疗机构的基本标准；\n（三）有适合的名称、组织机构和场所；\n"
                              "（四）有与其开展的业务相适应的经费、设施、设备和专业卫生技术人员；\n（五）有相应的规章制度；\n（六）能够独立承担民事责任。",
        materials=[
            _m("医疗机构申请执业登记注册书"),
            _m("设置医疗机构批准书", necessity="conditional", condition="按规定需要办理设置审批的", source="issuing_department"),
            _m("医疗机构用房产权证明或者使用证明", form="copy"),
            _m("医疗机构建筑设计平面图"),
            _m("验资证明、资产评估报告"),
            _m("医疗机构规章制度"),
            _m("医疗机构法定代表人或者主要负责人以及各科室负责人名录和有关资格证书、执业证书", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 8), ("现场评审", "a", 7), ("决定", "c", 3), ("制证", "w", 2)),
        special_procedures=[_sp("现场评审", "7个工作日", _YLJG, stops=False)],
        online_depth=3, result_name="医疗机构执业许可证", audience="both", themes=["kbqy"],
    ),
    _item(
        basic_code="001012002003", name="诊所备案", department="QCWJJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set=f"{_YLJG}第十五条：诊所按照国务院卫生行政部门的规定向所在地的县级人民政府卫生行政部门备案后，可以执业。",
        legal_basis_impl="《诊所备案管理暂行办法》（国卫医政发〔2022〕33号）：备案材料齐全、符合法定形式的，当场发放诊所备案凭证。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）诊所的主要负责人取得医师执业证书后，从事5年以上同一专业的临床工作；\n"
                              "（二）诊所符合《诊所基本标准》；\n（三）有与其开展的业务相适应的设施、设备和卫生技术人员。",
        materials=[
            _m("诊所备案信息表"),
            _licence(),
            _m("诊所房屋平面布局图（标注使用面积）"),
            _m("诊所用房产权证明或者使用证明", form="copy"),
            _m("诊所卫生技术人员名录、有效身份证明、执业资格证件", form="copy"),
            _m("诊所规章制度"),
            _m("诊所相关书面承诺", commit=True),
        ],
        steps=_now(), visits_required=1, online_depth=3, result_type="证照", result_name="诊所备案凭证",
        audience="both", themes=["kbqy"],
    ),
    _item(
        basic_code="002012003001", name="出生医学证明首次签发", department="QCWJJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国母婴保健法》第二十三条：医疗保健机构和从事家庭接生的人员按照国务院卫生行政部门的规定，出具统一制发的新生儿出生医学证明。",
        legal_basis_impl="《国家卫生健康委 公安部关于加强出生医学证明管理工作的通知》；《出生医学证明管理办法》。",
        legal_limit=0, promised_limit=0, promised_limit_note="新生儿出院前由助产机构签发，同步生成电子证照",
        acceptance_conditions="（一）新生儿在本县助产机构内出生；\n（二）新生儿父母双方或者一方申领。",
        materials=[
            _m("出生医学证明首次签发登记表", notes="由助产机构根据分娩记录生成，父母核对签字"),
            _id("新生儿父母"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="助产机构办理、网上办理（“出生一件事”）",
        result_name="出生医学证明", audience="person", themes=["cssy"],
    ),
    _item(
        basic_code="002012003002", name="出生医学证明补发", department="QCWJJ",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《中华人民共和国母婴保健法》第二十三条。",
        legal_basis_impl="《国家卫生健康委 公安部关于加强出生医学证明管理工作的通知》：出生医学证明遗失的，由原签发机构所在地县级卫生健康行政部门指定的机构补发。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）在本县出生；\n（二）出生医学证明遗失，且新生儿尚未办理户口登记或者确需补发。",
        materials=[
            _m("出生医学证明补发申请表"),
            _id("新生儿父母"),
            _m("新生儿户口簿", necessity="conditional", condition="已办理户口登记的", source="government"),
            _m("助产机构出具的分娩记录证明"),
        ],
        steps=_steps(("受理", "w", 0), ("核查", "a", 2), ("签发", "c", 1), ("出件", "w", 1)),
        online_depth=3, result_name="出生医学证明", audience="person", themes=["cssy"],
    ),
    _item(
        basic_code="002012004001", name="生育登记", department="QCWJJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国人口与计划生育法》第十八条：国家提倡适龄婚育、优生优育。一对夫妻可以生育三个子女。",
        legal_basis_impl="《四川省生育登记服务管理办法》：生育登记不设置前置条件，不受婚姻状况、生育数量限制，可通过“天府通办”在线办理。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）生育一方户籍在本县，或者在本县居住；\n（二）已怀孕或者已生育。",
        materials=[_id("登记人"), _m("生育登记信息表", form="electronic", notes="网上填报，系统自动生成")],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="跨省通办",
        handling_form="网上办理（天府通办）、乡镇便民服务中心办理", result_type="其他", result_name="生育登记服务凭证",
        audience="person", themes=["cssy"],
    ),
    _item(
        basic_code="000112005001", name="放射诊疗许可", department="QCWJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国职业病防治法》第八十九条；《放射性同位素与射线装置安全和防护条例》第八条。",
        legal_basis_impl="《放射诊疗管理规定》（原卫生部令第46号，2016年修正）：开展X射线影像诊断工作的医疗机构，向县级卫生行政部门提出放射诊疗许可申请；"
                         "卫生行政部门应当自受理之日起20日内作出审查决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）具有经核准登记的医学影像科诊疗科目；\n（二）具有符合国家相关标准和规定的放射诊疗场所和配套设施；\n"
                              "（三）具有质量控制与安全防护专（兼）职管理人员和管理制度；\n（四）放射诊疗建设项目已通过职业病危害放射防护竣工验收。",
        materials=[
            _m("放射诊疗许可申请表"),
            _m("医疗机构执业许可证", source="government"),
            _m("放射诊疗建设项目竣工验收合格证明", form="copy"),
            _m("放射诊疗设备清单、放射诊疗工作人员名单及放射工作人员证", form="copy"),
            _m("放射防护管理制度和应急预案"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 4), ("现场审核", "a", 3), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("现场审核", "3个工作日", "《放射诊疗管理规定》", stops=False)],
        online_depth=3, result_name="放射诊疗许可证", audience="enterprise", themes=[],
    ),
    _item(
        basic_code="000512006001", name="农村部分计划生育家庭奖励扶助金给付", department="QCWJJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国人口与计划生育法》第二十三条、第二十四条；《国务院办公厅转发人口计生委财政部关于开展对农村部分计划生育家庭实行奖励扶助制度试点工作意见的通知》。",
        legal_basis_impl="《四川省农村部分计划生育家庭奖励扶助制度实施办法》：符合条件的对象年满60周岁起，按每人每年960元标准发放奖励扶助金。",
        legal_limit=30, promised_limit=20,
        acceptance_conditions="（一）本人及配偶均为农业户口或者界定为农村居民户口；\n（二）1973年至2001年期间没有违反计划生育法律法规和政策规定生育；\n"
                              "（三）现存一个子女或者两个女孩或者子女死亡现无子女；\n（四）年满60周岁。",
        materials=[
            _m("奖励扶助对象确认申报表"),
            _id(),
            _m("居民户口簿", source="government"),
            _m("婚姻状况及生育情况证明", notes="村（居）民委员会核实签章"),
        ],
        steps=_steps(("受理", "w", 0), ("乡镇初审", "a", 8), ("县级审核", "a", 6), ("审批", "c", 3), ("发放", "w", 2)),
        special_procedures=[_sp("公示", "7日", "《四川省农村部分计划生育家庭奖励扶助制度实施办法》：村级、乡镇、县级三级公示")],
        online_depth=2, handling_form="窗口办理（乡镇便民服务中心受理）", anywhere_scope="全县通办",
        result_type="其他", result_name="奖励扶助金", audience="person", themes=["txyl"],
    ),
    _item(
        basic_code="000512006002", name="计划生育家庭特别扶助金给付", department="QCWJJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国人口与计划生育法》第二十四条：独生子女发生意外伤残、死亡的家庭，由地方人民政府给予必要的帮助。",
        legal_basis_impl="《四川省计划生育家庭特别扶助制度实施办法》。",
        legal_limit=30, promised_limit=20,
        acceptance_conditions="（一）女方年满49周岁；\n（二）只生育一个子女或者合法收养一个子女；\n（三）现无存活子女或者独生子女被依法鉴定为残疾（伤病残达到三级以上）。",
        materials=[
            _m("计划生育家庭特别扶助对象申报表"),
            _id("夫妻双方"),
            _m("独生子女死亡证明或者残疾人证", source="government"),
            _m("独生子女父母光荣证或者相关生育情况证明", necessity="optional"),
        ],
        steps=_steps(("受理", "w", 0), ("乡镇初审", "a", 8), ("县级审核", "a", 6), ("审批", "c", 3), ("发放", "w", 2)),
        special_procedures=[_sp("公示", "7日", "《四川省计划生育家庭特别扶助制度实施办法》")],
        online_depth=2, handling_form="窗口办理", anywhere_scope="全县通办", result_type="其他", result_name="特别扶助金",
        audience="person", themes=["shjz"],
    ),
    _item(
        basic_code="000112007001", name="护士执业注册", department="QCWJJ",
        item_type="行政许可", case_type="承诺件", power_source="上级下放",
        legal_basis_set="《护士条例》第七条：护士执业，应当经执业注册取得护士执业证书；第八条：收到申请的卫生主管部门应当自收到申请之日起20个工作日内作出决定。",
        legal_basis_impl="《护士执业注册管理办法》（原卫生部令第59号，2021年修订）；《四川省卫生健康委员会关于下放部分行政审批事项的通知》。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）具有完全民事行为能力；\n（二）取得规定学历并完成规定的临床实习；\n（三）通过国家护士执业资格考试；\n"
                              "（四）符合规定的健康标准；\n（五）在教学、综合医院完成8个月以上护理临床实习。",
        materials=[
            _m("护士执业注册申请审核表"),
            _id(),
            _m("学历证书及专业学习中的临床实习证明", form="copy"),
            _m("护士执业资格考试成绩合格证明", source="government"),
            _m("6个月内健康体检证明"),
            _m("医疗卫生机构拟聘用的相关材料"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 3), ("决定", "c", 1), ("制证", "w", 1)),
        visits_required=0, online_depth=4, handling_form="网上办理（国家护士电子化注册系统）",
        result_name="护士执业证书（电子证照）", audience="person", themes=["jycy"],
    ),
    _item(
        basic_code="000112007002", name="医师执业注册", department="QCWJJ",
        item_type="行政许可", case_type="承诺件", power_source="上级下放",
        legal_basis_set="《中华人民共和国医师法》第十三条：国家实行医师执业注册制度。取得医师资格的，可以向所在地县级以上地方人民政府卫生健康主管部门申请注册。"
                        "医疗卫生机构可以为本机构中的申请人集体办理注册手续。除有本法规定不予注册的情形外，卫生健康主管部门应当自受理申请之日起二十个工作日内准予注册。",
        legal_basis_impl="《医师执业注册管理办法》（国家卫生计生委令第13号）。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）取得医师资格；\n（二）拟执业机构为本县医疗卫生机构；\n（三）不存在《中华人民共和国医师法》第十六条规定不予注册的情形。",
        materials=[
            _m("医师执业注册申请审核表"),
            _id(),
            _m("医师资格证书", source="government"),
            _m("6个月内健康体检证明"),
            _m("拟执业机构聘用证明"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 3), ("决定", "c", 1), ("制证", "w", 1)),
        visits_required=0, online_depth=4, handling_form="网上办理（医师电子化注册系统）",
        result_name="医师执业证书（电子证照）", audience="person", themes=["jycy"],
    ),
]

# ---------------------------------------------------------------- 医疗保障局
ITEMS += [
    _item(
        basic_code="002012301001", name="城乡居民基本医疗保险参保登记", department="QCYBJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_SBF}第二十五条：国家建立和完善城镇居民基本医疗保险制度；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）。",
        legal_basis_impl="《四川省城乡居民基本医疗保险实施办法》：新生儿出生后90日内办理参保登记并缴费的，自出生之日起享受待遇。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）本县户籍或者持本县居住证的城乡居民；\n（二）未参加职工基本医疗保险。",
        materials=[_id("参保人"), _m("居民户口簿", source="government", notes="新生儿参保可通过“出生一件事”联办")],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="窗口办理、网上办理（天府通办、税务缴费）", result_type="其他", result_name="参保登记信息",
        audience="person", themes=["yl", "cssy"],
    ),
    _item(
        basic_code="002012302001", name="基本医疗保险跨省异地就医备案", department="QCYBJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_SBF}第二十九条：参保人员医疗费用中应当由基本医疗保险基金支付的部分，由社会保险经办机构与医疗机构、药品经营单位直接结算。",
        legal_basis_impl="《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）本县基本医疗保险参保人员；\n（二）异地长期居住人员、常驻异地工作人员、异地转诊人员或者临时外出就医人员。",
        materials=[
            _m("跨省异地就医登记备案表", form="electronic", notes="国家医保服务平台APP在线填报"),
            _m("参保人员有效身份证件或者社会保障卡", source="government"),
            _m("异地长期居住或者工作证明", necessity="conditional", condition="异地长期居住、常驻异地工作的", commit=True,
               notes="可以个人承诺方式替代"),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="跨省通办",
        handling_form="网上办理（国家医保服务平台、天府通办）、窗口办理", result_type="其他", result_name="异地就医备案信息",
        audience="person", themes=["yl"],
    ),
    _item(
        basic_code="000712303001", name="门诊慢特病病种待遇认定", department="QCYBJ",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set=f"{_SBF}第二十八条；《医疗保障基金使用监督管理条例》（国务院令第735号）。",
        legal_basis_impl="《四川省基本医疗保险门诊慢特病管理办法》：参保人员可在定点医疗机构或者医保经办窗口提出申请，经专家认定后享受门诊慢特病待遇。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）本县基本医疗保险参保人员；\n（二）患有本省规定的门诊慢特病病种，并符合认定标准。",
        materials=[
            _m("门诊慢特病待遇认定申请表"),
            _m("参保人员社会保障卡或者医保电子凭证", source="government"),
            _m("二级及以上医疗机构出具的诊断证明、病历及检查检验报告", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("专家认定", "a", 6), ("审核", "c", 2), ("告知", "w", 1)),
        special_procedures=[_sp("专家评审", "5个工作日", "《四川省基本医疗保险门诊慢特病管理办法》", stops=False)],
        visits_required=1, online_depth=3, anywhere_scope="全市通办", result_type="其他", result_name="门诊慢特病待遇认定结果",
        audience="person", themes=["yl", "cjrfw"],
    ),
    _item(
        basic_code="000512304001", name="零星医疗费用报销", department="QCYBJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set=f"{_SBF}第二十八条、第二十九条。",
        legal_basis_impl="《四川省基本医疗保险经办规程》：参保人员因急诊抢救等原因在非定点医疗机构就医或者未能直接结算的，可持相关材料申请手工报销。",
        legal_limit=30, promised_limit=20,
        acceptance_conditions="（一）就医时处于参保缴费有效期内；\n（二）因特殊原因未能直接结算；\n（三）在规定时间内申请报销。",
        materials=[
            _m("零星医疗费用报销申请表"),
            _m("社会保障卡或者医保电子凭证", source="government"),
            _m("医疗费用票据", notes="电子票据可在线提交"),
            _m("费用明细清单、出院记录或者诊断证明", form="copy"),
            _m("急诊抢救证明", necessity="conditional", condition="在非定点医疗机构急诊抢救的"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("初审", "a", 8), ("复核", "c", 5), ("支付", "w", 5)),
        online_depth=3, anywhere_scope="全市通办", result_type="其他", result_name="医疗费用报销款",
        audience="person", themes=["yl"],
    ),
    _item(
        basic_code="000512305001", name="生育津贴支付", department="QCYBJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set=f"{_SBF}第五十四条：用人单位已经缴纳生育保险费的，其职工享受生育保险待遇；第五十六条：职工有下列情形之一的，可以按照国家规定享受生育津贴……",
        legal_basis_impl="《女职工劳动保护特别规定》第八条；《四川省生育保险办法》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）用人单位已为职工连续足额缴纳生育保险费；\n（二）职工生育或者施行计划生育手术。",
        materials=[
            _m("生育津贴申领表", standard="用人单位盖章"),
            _m("出生医学证明", form="electronic", source="government"),
            _m("社会保障卡", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 5), ("复核", "c", 2), ("支付", "w", 2)),
        visits_required=0, online_depth=4, anywhere_scope="全省通办", handling_form="网上办理（全程网办）",
        result_type="其他", result_name="生育津贴", audience="both", themes=["cssy"],
    ),
]

# ---------------------------------------------------------------- 交通运输局
_DLYS = "《中华人民共和国道路运输条例》（2023年修订）"
ITEMS += [
    _item(
        basic_code="000111601001", name="道路旅客运输经营许可", department="QCJTJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_DLYS}第八条：申请从事客运经营的，应当具备下列条件……；第十条：申请从事县级行政区域内和毗邻县行政区域间客运经营的，"
                        "向所在地县级人民政府交通运输主管部门提出申请。",
        legal_basis_impl="《道路旅客运输及客运站管理规定》（交通运输部令2023年第18号）：交通运输主管部门应当自受理申请之日起20日内审查完毕，"
                         "作出许可或者不予许可的决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有与其经营业务相适应并经检测合格的客车；\n（二）有符合规定条件的驾驶人员；\n（三）有健全的安全生产管理制度；\n"
                              "（四）申请从事班线客运经营的，还应当有明确的线路和站点方案。",
        materials=[
            _m("道路旅客运输经营申请表"),
            _licence(),
            _m("拟投入客车承诺书", commit=True, notes="包括客车数量、类型及等级、技术等级、座位数以及客车外廓长、宽、高等"),
            _m("拟聘用驾驶人员的机动车驾驶证、从业资格证", form="copy", source="government"),
            _m("安全生产管理制度文本"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=3, result_name="道路运输经营许可证", audience="enterprise", themes=["dlys"],
    ),
    _item(
        basic_code="000111601002", name="道路货物运输经营许可", department="QCJTJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_DLYS}第二十一条：申请从事货运经营的，应当具备下列条件……；第二十四条：使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请。",
        legal_basis_impl="《道路货物运输及站场管理规定》（交通运输部令2023年第12号）：交通运输主管部门应当自受理申请之日起20日内作出许可或者不予许可的决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有与其经营业务相适应并经检测合格的车辆；\n（二）有符合规定条件的驾驶人员；\n（三）有健全的安全生产管理制度。",
        materials=[
            _m("道路货物运输经营申请表"),
            _licence(),
            _m("拟投入车辆承诺书", commit=True, notes="包括车辆数量、类型、技术参数等"),
            _m("拟聘用驾驶人员的机动车驾驶证、从业资格证", form="copy", source="government"),
            _m("安全生产管理制度文本"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=4, handling_form="窗口办理、网上办理（全程网办）", visits_required=0,
        result_name="道路运输经营许可证", audience="both", themes=["dlys", "kbqy"],
        faqs=[_q("开小货车拉货要办道路运输证吗？", "使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需办理道路运输经营许可和车辆道路运输证。")],
    ),
    _item(
        basic_code="000111601003", name="道路运输证配发（新增营运车辆）", department="QCJTJ",
        item_type="行政许可", case_type="即办件",
        legal_basis_set=f"{_DLYS}第二十四条、第七十条：交通运输主管部门应当对符合条件的车辆配发车辆营运证。",
        legal_basis_impl="《道路货物运输及站场管理规定》；《道路旅客运输及客运站管理规定》。",
        legal_limit=20, promised_limit=0,
        acceptance_conditions="（一）已取得道路运输经营许可；\n（二）车辆经检测合格，技术等级达到规定要求。",
        materials=[
            _m("道路运输证申请表"),
            _m("机动车行驶证", source="government", notes="公安交管信息共享"),
            _m("车辆综合性能检测报告", form="electronic", notes="检测机构联网上传"),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全省通办",
        handling_form="网上办理（全程网办）、窗口办理", result_name="道路运输证（电子证照）", audience="both", themes=["dlys"],
    ),
    _item(
        basic_code="001011602001", name="机动车维修经营备案", department="QCJTJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set=f"{_DLYS}：从事机动车维修经营业务的，应当在依法向市场监督管理机构办理有关登记手续后，向所在地县级交通运输主管部门进行备案。",
        legal_basis_impl="《机动车维修管理规定》（交通运输部令）：交通运输主管部门收到备案材料后，对材料齐全且符合备案要求的应当予以备案。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）已取得营业执照；\n（二）有与其经营业务相适应的维修车辆停车场和生产厂房；\n"
                              "（三）有与其经营业务相适应的设备、设施和技术人员；\n（四）有健全的维修管理制度和环境保护措施。",
        materials=[
            _m("机动车维修经营备案表"),
            _licence(),
            _m("维修设备设施汇总表、维修检测设备及计量设备检定合格证明", form="copy"),
            _m("维修管理制度和环境保护措施文本"),
            _m("技术人员汇总表及相应职业资格证明", form="copy"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（全程网办）、窗口办理",
        result_type="其他", result_name="机动车维修经营备案证明", audience="enterprise", themes=["kbqy", "dlys"],
    ),
    _item(
        basic_code="002011603001", name="道路运输从业人员从业资格证件补发、换发、变更", department="QCJTJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_DLYS}第九条、第二十二条；《道路运输从业人员管理规定》（交通运输部令）。",
        legal_basis_impl="《交通运输部关于推行道路运输从业人员从业资格证件“跨省通办”的通知》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）持有本人有效的道路运输从业资格证；\n（二）证件有效期届满、遗失、损毁或者信息变更。",
        materials=[_id(), _m("从业资格证件补发、换发、变更申请表", form="electronic")],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="跨省通办",
        handling_form="网上办理（交通运输部政务服务平台）、窗口办理", result_name="道路运输从业人员从业资格证（电子证照）",
        audience="person", themes=["dlys", "jycy"],
    ),
    _item(
        basic_code="000111604001", name="公路超限运输许可", department="QCJTJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国公路法》第五十条：超过公路、公路桥梁、公路隧道或者汽车渡船的限载、限高、限宽、限长标准的车辆，"
                        "不得在有限定标准的公路、公路桥梁上或者公路隧道内行驶……确需行驶的，必须经县级以上地方人民政府交通主管部门批准。",
        legal_basis_impl="《超限运输车辆行驶公路管理规定》（交通运输部令2016年第62号，2021年修正）：对车货总体外廓尺寸、总质量、轴荷未超过规定标准的，"
                         "2个工作日内作出决定；超过的5个工作日内作出决定；需要采取加固、改造措施的15个工作日内作出决定。",
        legal_limit=15, promised_limit=2,
        legal_limit_note="按超限程度分别为2、5、15个工作日；加固、改造措施和公路技术评估时间不计入",
        acceptance_conditions="（一）载运不可解体物品；\n（二）车货总体外廓尺寸、总质量、轴荷超过规定标准；\n（三）行驶路线经过县、乡道。",
        materials=[
            _m("公路超限运输申请表", form="electronic", notes="通过全国互联网道路运输便民政务服务系统申请"),
            _m("承运人的道路运输经营许可证、经办人身份证明", source="government"),
            _m("车辆行驶证或者临时行驶车号牌", source="government"),
            _m("货物的名称、外廓尺寸和质量等说明材料"),
            _m("车货总体外廓尺寸等数据的车辆轮廓示意图"),
            _m("安全行驶公路的技术评价报告", necessity="conditional", condition="需要对公路、桥梁进行技术评价的"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 1), ("决定", "c", 1)),
        special_procedures=[_sp("公路加固、改造", "据实确定", "《超限运输车辆行驶公路管理规定》")],
        visits_required=0, online_depth=4, anywhere_scope="跨省通办", handling_form="网上办理（全程网办）",
        result_name="超限运输车辆通行证", audience="enterprise", themes=["dlys"],
    ),
    _item(
        basic_code="000111605001", name="涉路施工许可（占用、挖掘公路、公路用地）", department="QCJTJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国公路法》第四十四条：任何单位和个人不得擅自占用、挖掘公路；第四十五条：跨越、穿越公路修建桥梁、渡槽或者架设、"
                        "埋设管道、电缆等设施的，应当事先经有关交通主管部门同意。",
        legal_basis_impl="《公路安全保护条例》第二十七条：进行涉路施工活动，建设单位应当向公路管理机构提出申请；第二十八条：公路管理机构应当自受理申请之日起20日内"
                         "作出许可或者不予许可的决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）符合公路工程技术标准；\n（二）施工方案满足公路安全和畅通要求；\n（三）已制定保障公路、公路附属设施质量和安全的技术评价报告。",
        materials=[
            _m("涉路施工许可申请书"),
            _m("设计和施工方案", notes="含施工期间交通组织方案"),
            _m("保障公路、公路附属设施质量和安全的技术评价报告"),
            _m("处置施工险情和意外事故的应急方案"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 4), ("现场勘查", "a", 3), ("决定", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("现场勘查", "3个工作日", "《路政管理规定》", stops=False)],
        online_depth=3, result_type="批文", result_name="涉路施工许可决定书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111606001", name="巡游出租汽车经营许可", department="QCJTJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）第一百一十二项：出租汽车经营资格证、车辆运营证和驾驶员客运资格证核发。",
        legal_basis_impl="《巡游出租汽车经营服务管理规定》（交通运输部令）：出租汽车行政主管部门应当自受理之日起20日内作出许可或者不予许可的决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有符合机动车管理要求并满足规定条件的车辆或者提供保证满足条件的车辆承诺书；\n"
                              "（二）有取得巡游出租汽车驾驶员从业资格证的驾驶员；\n（三）有健全的经营管理制度、安全生产管理制度和服务质量保障制度；\n"
                              "（四）有固定的经营场所和停车场地。",
        materials=[
            _m("巡游出租汽车经营申请表"),
            _licence(),
            _m("车辆承诺书", commit=True),
            _m("驾驶员从业资格证", form="copy", source="government"),
            _m("经营管理制度、安全生产管理制度和服务质量保障制度文本"),
            _m("经营场所、停车场地有关使用证明", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=3, result_name="道路运输经营许可证（巡游出租汽车）", audience="enterprise", themes=["dlys"],
    ),
    _item(
        basic_code="001011607001", name="机动车驾驶员培训备案", department="QCJTJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set=f"{_DLYS}：从事机动车驾驶员培训业务的，应当在依法向市场监督管理部门办理有关登记手续后，向所在地县级交通运输主管部门备案。",
        legal_basis_impl="《机动车驾驶员培训管理规定》（交通运输部令2022年第32号）。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）已取得营业执照；\n（二）有与培训业务相适应的教学人员、管理人员；\n（三）有健全的培训机构管理制度；\n"
                              "（四）有与培训业务相适应的教学车辆和其他教学设施、设备以及教学场地。",
        materials=[
            _m("机动车驾驶员培训备案表"),
            _licence(),
            _m("教练场地使用证明", form="copy"),
            _m("教学车辆行驶证、机动车综合性能检测报告", form="copy"),
            _m("教练员、管理人员名册及相关证明"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（全程网办）、窗口办理",
        result_type="其他", result_name="机动车驾驶员培训备案证明", audience="enterprise", themes=["dlys"],
    ),
]

# ---------------------------------------------------------------- 水利局
ITEMS += [
    _item(
        basic_code="000111701001", name="取水许可", department="QCSLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国水法》第七条：国家对水资源依法实行取水许可制度和有偿使用制度；第四十八条：直接从江河、湖泊或者地下取用水资源的单位和个人，"
                        "应当按照国家取水许可制度和水资源有偿使用制度的规定，向水行政主管部门或者流域管理机构申请领取取水许可证，并缴纳水资源费，取得取水权。",
        legal_basis_impl="《取水许可和水资源费征收管理条例》（国务院令第460号，2017年修订）：审批机关应当自受理取水申请之日起45个工作日内决定批准或者不批准；"
                         "《取水许可管理办法》（水利部令）。",
        legal_limit=45, promised_limit=20,
        acceptance_conditions="（一）符合流域综合规划、区域水资源规划及水功能区划；\n（二）符合用水总量控制指标和用水定额要求；\n"
                              "（三）已按规定编制建设项目水资源论证报告（表）；\n（四）不损害第三者合法的水事权益。",
        materials=[
            _m("取水许可申请书"),
            _m("建设项目水资源论证报告书（表）", notes="取水量较少、对周边影响较小的，可以填报水资源论证表"),
            _m("与第三者利害关系的相关说明", necessity="conditional", condition="取水涉及第三者利害关系的"),
            _licence(),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 12), ("决定", "c", 5), ("出件", "w", 2)),
        special_procedures=[_sp("专家评审（水资源论证报告技术审查）", "15个工作日", f"{_XKF}第四十五条；《建设项目水资源论证管理办法》")],
        online_depth=3, result_type="批文", result_name="取水许可决定书（取水工程验收后发放取水许可证）",
        audience="enterprise", themes=["gcjs", "nyjy"],
    ),
    _item(
        basic_code="000111702001", name="生产建设项目水土保持方案审批", department="QCSLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国水土保持法》第二十五条：在山区、丘陵区、风沙区以及水土保持规划确定的容易发生水土流失的其他区域开办可能造成水土流失的生产建设项目，"
                        "生产建设单位应当编制水土保持方案，报县级以上人民政府水行政主管部门审批。",
        legal_basis_impl="《生产建设项目水土保持方案管理办法》（水利部令第53号）：征占地面积在0.5公顷以上5公顷以下或者挖填土石方总量在1千立方米以上5万立方米以下的项目编报水土保持方案报告表；"
                         "审批部门应当自受理之日起20个工作日内作出审批决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）属于应当编制水土保持方案的生产建设项目；\n（二）水土保持方案符合水土保持规划和技术标准。",
        materials=[
            _m("生产建设项目水土保持方案审批申请文件"),
            _m("水土保持方案报告书或者报告表", form="electronic"),
            _m("水土保持方案技术评审意见", necessity="conditional", condition="编报水土保持方案报告书的"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("技术评审", "10个工作日", f"{_XKF}第四十五条；《生产建设项目水土保持方案管理办法》")],
        online_depth=4, handling_form="网上办理（工程建设项目审批管理系统）", result_type="批文",
        result_name="水土保持方案审批准予行政许可决定书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111703001", name="洪水影响评价类审批", department="QCSLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国防洪法》第二十七条：建设跨河、穿河、穿堤、临河的桥梁、码头、道路、渡口、管道、缆线、取水、排水等工程设施，"
                        "应当符合防洪标准、岸线规划、航运要求和其他技术要求……其工程建设方案未经有关水行政主管部门根据前述防洪要求审查同意的，建设单位不得开工建设。",
        legal_basis_impl="《中华人民共和国河道管理条例》第十一条；《水利部关于加强洪水影响评价管理工作的通知》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）建设项目位于河道管理范围内或者蓄滞洪区、洪泛区；\n（二）符合防洪标准和有关技术要求；\n（三）已编制洪水影响评价报告。",
        materials=[
            _m("洪水影响评价类审批申请书"),
            _m("洪水影响评价报告", form="electronic"),
            _m("建设项目所依据的文件", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("技术审查", "10个工作日", f"{_XKF}第四十五条")],
        online_depth=3, result_type="批文", result_name="洪水影响评价类审批准予行政许可决定书",
        audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111704001", name="河道采砂许可", department="QCSLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国水法》第三十九条：国家实行河道采砂许可制度；《中华人民共和国河道管理条例》第二十五条。",
        legal_basis_impl="《四川省河道采砂管理条例》；《清川县河道采砂规划（2021—2025年）》。",
        legal_limit=20, promised_limit=10,
        legal_limit_note="自受理之日起20个工作日内作出决定；采砂权通过招标、拍卖出让的，招标、拍卖时间不计入",
        acceptance_conditions="（一）符合河道采砂规划，在规划确定的可采区和可采期内开采；\n（二）已通过招标、拍卖等公平竞争方式取得采砂权；\n"
                              "（三）有符合要求的采砂设备和技术人员；\n（四）有采砂作业方案和安全、生态保护措施。",
        materials=[
            _m("河道采砂许可申请书"),
            _licence(),
            _m("采砂权出让成交确认书", source="issuing_department"),
            _m("采砂作业方案及安全、生态保护措施"),
            _m("采砂船舶（机具）的有关证明", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 5), ("现场核查", "a", 2), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("招标、拍卖", "按出让方案确定", f"{_XKF}第四十五条")],
        online_depth=2, handling_form="窗口办理", result_name="河道采砂许可证", audience="enterprise", themes=["kbqy"],
    ),
]

# ---------------------------------------------------------------- 市生态环境局清川分局
_HPF = "《中华人民共和国环境影响评价法》"
ITEMS += [
    _item(
        basic_code="000111201001", name="建设项目环境影响报告书审批", department="QCSTHJ",
        item_type="行政许可", case_type="上报件", exercise_level="市级",
        legal_basis_set=f"{_HPF}第二十二条：建设项目的环境影响报告书、报告表，由建设单位按照国务院的规定报有审批权的生态环境主管部门审批。"
                        "审批部门应当自收到环境影响报告书之日起六十日内，收到环境影响报告表之日起三十日内，分别作出审批决定并书面通知建设单位。",
        legal_basis_impl="《建设项目环境保护管理条例》（国务院令第682号）；《川东市生态环境局建设项目环境影响评价文件分级审批规定》：清川分局受理并出具初审意见，报市局审批。",
        legal_limit=60, promised_limit=30,
        legal_limit_note="自收到环境影响报告书之日起60个工作日内作出审批决定；技术评估和公示时间不计入",
        acceptance_conditions="（一）建设项目类型及其选址、布局、规模等符合环境保护法律法规和相关法定规划；\n"
                              "（二）所在区域环境质量满足环境质量标准或者有改善措施；\n"
                              "（三）采取的污染防治措施能够确保污染物排放达到国家和地方排放标准；\n（四）已依法开展公众参与。",
        materials=[
            _m("建设项目环境影响评价文件审批申请书"),
            _m("建设项目环境影响报告书（全本）", form="electronic", notes="删除涉及国家秘密、商业秘密等内容的公开版本一并提交"),
            _m("建设项目环境影响评价公众参与说明"),
            _licence(),
        ],
        steps=_steps(("受理", "w", 0), ("分局初审", "a", 10), ("报市局审批", "c", 15), ("出件", "w", 2)),
        special_procedures=[
            _sp("技术评估", "30个工作日", f"{_XKF}第四十五条；《建设项目环境影响评价技术评估导则》"),
            _sp("拟审批公示", "5个工作日", "《环境影响评价公众参与办法》（生态环境部令第4号）"),
        ],
        online_depth=3, result_type="批文", result_name="建设项目环境影响报告书批复", audience="enterprise",
        themes=["gcjs"],
    ),
    _item(
        basic_code="000111201002", name="建设项目环境影响报告表审批", department="QCSTHJ",
        item_type="行政许可", case_type="承诺件", power_source="上级委托",
        legal_basis_set=f"{_HPF}第二十二条。",
        legal_basis_impl="《建设项目环境保护管理条例》第九条；《川东市生态环境局关于委托县（区）分局审批部分建设项目环境影响报告表的通知》。",
        legal_limit=30, promised_limit=15,
        legal_limit_note="自收到环境影响报告表之日起30个工作日内作出审批决定；技术评估时间不计入",
        acceptance_conditions="（一）建设项目符合生态环境分区管控要求和相关规划；\n（二）污染防治措施可行，污染物排放达到国家和地方排放标准。",
        materials=[
            _m("建设项目环境影响评价文件审批申请书"),
            _m("建设项目环境影响报告表", form="electronic"),
            _licence(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 9), ("决定", "c", 3), ("出件", "w", 1)),
        special_procedures=[_sp("技术评估", "15个工作日", f"{_XKF}第四十五条")],
        online_depth=4, handling_form="窗口办理、网上办理", result_type="批文", result_name="建设项目环境影响报告表批复",
        audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000111202001", name="排污许可证核发", department="QCSTHJ",
        item_type="行政许可", case_type="上报件", exercise_level="市级",
        legal_basis_set="《中华人民共和国环境保护法》第四十五条：国家依照法律规定实行排污许可管理制度；《排污许可管理条例》（国务院令第736号）第二条。",
        legal_basis_impl="《排污许可管理条例》：审批部门应当自受理申请之日起20日内作出是否准予许可的决定；《排污许可管理办法》（生态环境部令第32号）。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）依法取得建设项目环境影响报告书（表）批准文件，或者已经办理环境影响登记表备案手续；\n"
                              "（二）污染物排放符合污染物排放标准要求，重点污染物排放符合排污许可证申请与核发技术规范、环境影响报告书（表）批准文件、"
                              "重点污染物排放总量控制要求；\n（三）采用污染防治设施可以达到许可排放浓度要求或者符合污染防治可行技术；\n"
                              "（四）自行监测方案的监测点位、指标、频次等符合国家自行监测规范。",
        materials=[
            _m("排污许可证申请表", form="electronic", notes="通过全国排污许可证管理信息平台填报"),
            _m("自行监测方案", form="electronic"),
            _m("守法承诺书", commit=True),
            _m("排污口和监测孔规范化设置情况说明"),
            _m("建设项目环境影响评价文件审批文号或者登记表备案材料", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("分局初审", "a", 4), ("报市局核发", "c", 5), ("出件", "w", 1)),
        online_depth=4, handling_form="网上办理（全国排污许可证管理信息平台）", result_name="排污许可证",
        audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="001011203001", name="建设项目环境影响登记表备案", department="QCSTHJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set=f"{_HPF}第二十二条第三款：国家对环境影响登记表实行备案管理。",
        legal_basis_impl="《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）：建设单位通过网上备案系统填报，提交后即完成备案，自动生成备案编号和回执。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="属于《建设项目环境影响评价分类管理名录》规定应当填报环境影响登记表的建设项目。",
        materials=[_m("建设项目环境影响登记表", form="electronic", notes="在建设项目环境影响登记表备案系统在线填报")],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（全程网办）",
        result_type="其他", result_name="建设项目环境影响登记表备案回执", audience="enterprise", themes=["gcjs", "kft"],
    ),
]

# ---------------------------------------------------------------- 农业农村局
ITEMS += [
    _item(
        basic_code="000111801001", name="农药经营许可", department="QCNYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《农药管理条例》（国务院令第677号，2022年修订）第二十四条：国家实行农药经营许可制度，但经营卫生用农药的除外。"
                        "农药经营者应当具备下列条件……",
        legal_basis_impl="《农药经营许可管理办法》（农业部令2017年第5号，2018年修订）：县级以上地方农业农村主管部门应当自受理申请之日起20个工作日内作出审批决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有具备农药和病虫害防治专业知识，熟悉农药管理规定，能够指导安全合理使用农药的经营人员；\n"
                              "（二）有与其他商品以及饮用水水源、生活区域等有效隔离的营业场所和仓储场所，并配备与所申请经营农药相适应的防护设施；\n"
                              "（三）有与所申请经营农药相适应的质量管理、台账记录、安全防护、应急处置、仓储管理等制度和岗位操作规程。",
        materials=[
            _m("农药经营许可证申请表"),
            _licence(),
            _m("经营人员的学历或者培训证明", form="copy"),
            _m("营业场所和仓储场所地址、面积、平面图等说明材料及照片"),
            _m("有关管理制度目录及文本"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 4), ("现场核查", "a", 3), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("现场核查", "3个工作日", "《农药经营许可管理办法》", stops=False)],
        online_depth=3, result_name="农药经营许可证", audience="enterprise", themes=["nyjy", "kbqy"],
    ),
    _item(
        basic_code="000111802001", name="兽药经营许可证核发", department="QCNYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《兽药管理条例》第二十二条：经营兽药的企业，应当具备下列条件……；符合前款规定条件的，申请人方可向市、县人民政府兽医行政管理部门提出申请，"
                        "兽医行政管理部门应当自收到申请之日起30个工作日内完成审查。",
        legal_basis_impl="《兽药经营质量管理规范》（农业部令2010年第3号）。",
        legal_limit=30, promised_limit=15,
        acceptance_conditions="（一）与所经营的兽药相适应的兽药技术人员；\n（二）与所经营的兽药相适应的营业场所、设备、仓库设施；\n"
                              "（三）与所经营的兽药相适应的质量管理机构或者人员；\n（四）兽药经营质量管理规范规定的其他经营条件。",
        materials=[
            _m("兽药经营许可证申请表"),
            _licence(),
            _m("兽药技术人员的身份证明、学历或者职称证明", form="copy"),
            _m("营业场所、仓库平面图及产权或者使用证明", form="copy"),
            _m("质量管理制度文本"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 5), ("现场验收", "a", 6), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("现场验收", "6个工作日", "《兽药经营质量管理规范》", stops=False)],
        online_depth=3, result_name="兽药经营许可证", audience="enterprise", themes=["nyjy"],
    ),
    _item(
        basic_code="000111803001", name="动物防疫条件合格证核发", department="QCNYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国动物防疫法》第二十五条：国家实行动物防疫条件审查制度。开办动物饲养场和隔离场所、动物屠宰加工场所以及动物和动物产品无害化处理场所，"
                        "应当向县级以上地方人民政府农业农村主管部门提出申请，并附具相关材料。",
        legal_basis_impl="《动物防疫条件审查办法》（农业农村部令2022年第8号）：县级以上地方人民政府农业农村主管部门应当自收到申请之日起十五个工作日内完成材料审核，"
                         "并结合选址综合评估结果完成现场核查。",
        legal_limit=15, promised_limit=10,
        acceptance_conditions="（一）场所的位置与居民生活区、生活饮用水水源地、学校、医院等公共场所的距离符合国务院农业农村主管部门的规定；\n"
                              "（二）生产经营区域封闭隔离，工程设计和有关流程符合动物防疫要求；\n"
                              "（三）有与其规模相适应的污水、污物处理设施，病死动物、病害动物产品无害化处理设施设备或者冷藏冷冻设施设备，以及清洗消毒设施设备；\n"
                              "（四）有与其规模相适应的执业兽医或者动物防疫技术人员；\n（五）有完善的隔离消毒、购销台账、日常巡查等动物防疫制度。",
        materials=[
            _m("动物防疫条件审查申请表"),
            _m("场所地理位置图、各功能区布局平面图"),
            _m("设施设备清单"),
            _m("管理制度文本"),
            _m("人员信息", notes="执业兽医或者动物防疫技术人员名单及资格证明"),
        ],
        steps=_steps(("受理", "w", 0), ("材料审核", "a", 4), ("现场核查", "a", 4), ("决定", "c", 1), ("制证", "w", 1)),
        special_procedures=[_sp("选址风险评估", "据实确定", "《动物防疫条件审查办法》：由农业农村主管部门组织对场所选址进行风险评估")],
        online_depth=3, result_name="动物防疫条件合格证", audience="enterprise", themes=["nyjy"],
    ),
    _item(
        basic_code="000111804001", name="农作物种子生产经营许可", department="QCNYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国种子法》第三十一条：从事种子进出口业务的种子生产经营许可证，由国务院农业农村、林业草原主管部门核发……"
                        "前两款规定以外的其他种子的生产经营许可证，由生产经营者所在地县级以上地方人民政府农业农村、林业草原主管部门核发。",
        legal_basis_impl="《农作物种子生产经营许可管理办法》（农业部令2016年第5号，2022年修订）：审核机关应当自受理申请之日起20个工作日内完成审核工作。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）具有与种子生产经营相适应的生产经营设施、设备及专业技术人员；\n（二）具有种子检验人员、检验室和检验仪器设备；\n"
                              "（三）具有相应的种子贮藏设施。",
        materials=[
            _m("农作物种子生产经营许可证申请表"),
            _licence(),
            _m("种子检验人员、贮藏保管人员的资格证明", form="copy"),
            _m("仪器设备清单、检验室和仓库的产权或者使用证明"),
            _m("品种审定证书或者品种登记证书", form="copy", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 4), ("现场考核", "a", 3), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("现场考核", "3个工作日", "《农作物种子生产经营许可管理办法》", stops=False)],
        online_depth=3, result_name="农作物种子生产经营许可证", audience="enterprise", themes=["nyjy"],
    ),
    _item(
        basic_code="000111805001", name="农村村民宅基地审批", department="QCNYJ",
        item_type="行政许可", case_type="联办件", exercise_level="镇级",
        legal_basis_set="《中华人民共和国土地管理法》第六十二条：农村村民一户只能拥有一处宅基地……农村村民住宅用地，由乡（镇）人民政府审核批准；"
                        "其中，涉及占用农用地的，依照本法第四十四条的规定办理审批手续。",
        legal_basis_impl="《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）：乡镇政府应建立一个窗口对外受理、多部门内部联动运行的"
                         "农村宅基地用地建房联审联办制度，原则上应在20个工作日内完成审批。",
        legal_limit=20, promised_limit=15,
        legal_limit_note="乡镇人民政府受理后20个工作日内作出审批决定；村级审查、公示时间不计入",
        acceptance_conditions="（一）本集体经济组织成员，以户为单位申请；\n（二）符合“一户一宅”规定，无宅基地或者现有宅基地面积未达到规定标准且符合分户条件；\n"
                              "（三）符合国土空间规划（村庄规划）和用途管制要求；\n（四）经村民小组讨论通过并在本小组公示。",
        materials=[
            _m("农村宅基地和建房（规划许可）申请表", standard="户主签字"),
            _m("农村宅基地使用承诺书", commit=True),
            _id("户主"),
            _m("居民户口簿", source="government"),
            _m("农房设计图或者选用的通用图", notes="选用县住建局发布的农房设计通用图集"),
            _m("村民小组会议记录及公示情况", notes="由村级组织出具"),
        ],
        steps=_steps(("受理", "w", 0), ("联合审查", "a", 8), ("实地踏勘", "a", 3), ("审批", "c", 2), ("发证", "w", 1)),
        special_procedures=[_sp("村级公示", "5个工作日", "《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》")],
        online_depth=2, handling_form="窗口办理（乡镇便民服务中心）", anywhere_scope="无",
        result_name="农村宅基地批准书、乡村建设规划许可证", audience="person", themes=["gfzy", "nyjy"],
    ),
    _item(
        basic_code="000111806001", name="拖拉机和联合收割机登记", department="QCNYJ",
        item_type="行政许可", case_type="即办件",
        legal_basis_set="《中华人民共和国道路交通安全法》第一百二十一条：对上道路行驶的拖拉机，由农业（农业机械）主管部门行使本法第八条、第九条……规定的公安机关交通管理部门的管理职权；"
                        "《农业机械安全监督管理条例》。",
        legal_basis_impl="《拖拉机和联合收割机登记规定》（农业部令2018年第2号）：农机安全监理机构应当自受理之日起2个工作日内，查验拖拉机、联合收割机，审查提交的证明、凭证，"
                         "对符合条件的，核发登记证书、号牌、行驶证和检验合格标志。",
        legal_limit=2, promised_limit=0,
        acceptance_conditions="（一）拖拉机、联合收割机经查验合格；\n（二）来历合法。",
        materials=[
            _m("拖拉机和联合收割机登记申请表"),
            _id("所有人"),
            _m("来历证明", notes="购机发票或者其他合法来历证明"),
            _m("出厂合格证明或者进口凭证", form="copy"),
            _m("第三者责任强制保险凭证", necessity="conditional", condition="拖拉机登记的"),
        ],
        steps=_now(), visits_required=1, online_depth=2, handling_form="窗口办理（县农机安全监理站）",
        result_name="拖拉机和联合收割机登记证书、号牌、行驶证", audience="both", themes=["nyjy"],
    ),
]

# ---------------------------------------------------------------- 林业局
ITEMS += [
    _item(
        basic_code="000112701001", name="林木采伐许可证核发", department="QCLYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国森林法》第五十六条：采伐林地上的林木应当申请采伐许可证，并按照采伐许可证的规定进行采伐；"
                        "采伐自然保护区以外的竹林，不需要申请采伐许可证。",
        legal_basis_impl="《中华人民共和国森林法实施条例》；《四川省林木采伐管理办法》：农村居民采伐自留山和个人承包集体林地上的林木，由县级人民政府林业主管部门或者其委托的乡镇人民政府核发采伐许可证。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）采伐林木符合年森林采伐限额；\n（二）采伐林木权属清楚；\n（三）采伐方式、强度符合森林采伐技术规程。",
        materials=[
            _m("林木采伐申请表", notes="载明采伐林木的地点、面积、树种、株数、蓄积、更新时间等"),
            _id(),
            _m("林木权属证明", source="government", notes="林权类不动产权证书由系统共享"),
            _m("伐区调查设计文件", necessity="conditional", condition="采伐蓄积量较大或者国有林地的"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("决定", "c", 1), ("发证", "w", 1)),
        visits_required=1, online_depth=4, handling_form="窗口办理、网上办理（林木采伐“便民服务”APP）",
        result_name="林木采伐许可证", audience="both", themes=["nyjy"],
    ),
    _item(
        basic_code="000112702001", name="建设项目使用林地审核审批（初审上报）", department="QCLYJ",
        item_type="行政许可", case_type="上报件",
        legal_basis_set="《中华人民共和国森林法》第三十七条：矿藏勘查、开采以及其他各类工程建设，应当不占或者少占林地；确需占用林地的，"
                        "应当经县级以上人民政府林业主管部门审核同意，依法办理建设用地审批手续。",
        legal_basis_impl="《建设项目使用林地审核审批管理办法》（国家林业局令第35号，2016年修改）：县级人民政府林业主管部门对申请材料进行审查并组织现场查验，"
                         "提出初审意见后报上级林业主管部门审核审批。",
        legal_limit=20, promised_limit=15,
        legal_limit_note="县级20个工作日内完成初审上报；市、省级审核审批时间不计入本级时限",
        acceptance_conditions="（一）建设项目符合林地保护利用规划和使用林地定额；\n（二）确需占用林地，且已依法开展使用林地可行性论证。",
        materials=[
            _m("使用林地申请表"),
            _m("建设项目有关批准文件", source="government"),
            _m("建设项目使用林地可行性报告或者林地现状调查表"),
            _m("被使用林地的权属证明及补偿协议", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("现场查验", "a", 6), ("初审", "a", 5), ("审核上报", "c", 3)),
        special_procedures=[_sp("现场查验", "5个工作日", "《建设项目使用林地审核审批管理办法》", stops=False)],
        online_depth=3, result_type="批文", result_name="使用林地审核同意书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000112703001", name="林草种子生产经营许可证核发", department="QCLYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国种子法》第三十一条、第三十二条。",
        legal_basis_impl="《林草种子生产经营许可证管理办法》（国家林业和草原局）：审核发证机关应当自受理申请之日起20个工作日内作出决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）具有与种子生产经营相适应的生产经营设施、设备及专业技术人员；\n（二）种子生产地点无检疫性有害生物。",
        materials=[
            _m("林草种子生产经营许可证申请表"),
            _licence(),
            _m("种子生产经营场所及设施设备证明材料", form="copy"),
            _m("专业技术人员资格证明", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 5), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=3, result_name="林草种子生产经营许可证", audience="enterprise", themes=["nyjy"],
    ),
]

# ---------------------------------------------------------------- 发展和改革局
_QYTZ = "《企业投资项目核准和备案管理条例》（国务院令第673号）"
ITEMS += [
    _item(
        basic_code="001010101001", name="企业投资项目备案", department="QCFGJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set=f"{_QYTZ}第三条：对关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等项目，实行核准管理……对前款规定以外的项目，实行备案管理。",
        legal_basis_impl=f"{_QYTZ}第十三条：实行备案管理的项目，企业应当在开工建设前通过在线平台将项目信息告知备案机关；备案机关收到全部信息即为备案。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）属于实行备案管理的企业投资项目；\n（二）不属于产业政策禁止投资建设或者依法应当实行核准管理的项目。",
        materials=[
            _m("企业投资项目备案信息", form="electronic",
               notes="通过全国投资项目在线审批监管平台（四川）填报：企业基本情况、项目名称、建设地点、建设规模、建设内容、项目总投资额，"
                     "以及项目符合产业政策的声明"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（投资项目在线审批监管平台）",
        result_type="其他", result_name="企业投资项目备案证明（备案代码）", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000110102001", name="企业投资项目核准", department="QCFGJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set=f"{_QYTZ}第三条、第六条：企业办理项目核准手续，应当向核准机关提交项目申请书。",
        legal_basis_impl=f"{_QYTZ}第十条：核准机关应当自受理申请之日起20个工作日内，作出是否予以核准的决定；项目情况复杂或者需要征求有关单位意见的，"
                         "经本机关主要负责人批准，可以延长核准期限，但延长的期限不得超过40个工作日。核准机关委托中介服务机构对项目进行评估的，评估时间不计入核准期限。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）不危害经济安全、社会安全、生态安全等国家安全；\n（二）符合相关发展建设规划、产业政策和技术标准；\n"
                              "（三）合理开发并有效利用资源；\n（四）不对重大公共利益产生不利影响。",
        materials=[
            _m("项目申请书", notes="包括企业基本情况、项目情况、资源利用和生态环境影响分析、经济和社会影响分析"),
            _m("用地（用海）预审与选址意见书", source="government"),
            _m("法律、行政法规规定需要办理的其他相关手续", necessity="conditional", condition="依法需要办理的"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("委托评估", "30个工作日", f"{_QYTZ}第十条")],
        online_depth=4, handling_form="网上办理（投资项目在线审批监管平台）", result_type="批文",
        result_name="项目核准批复文件", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000110103001", name="政府投资项目可行性研究报告审批", department="QCFGJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《政府投资条例》（国务院令第712号）第九条：政府采取直接投资方式、资本金注入方式投资的项目，项目单位应当编制项目建议书、可行性研究报告、"
                        "初步设计，按照政府投资管理权限和规定的程序，报投资主管部门或者其他有关部门审批。",
        legal_basis_impl="《政府投资条例》第十一条：投资主管部门或者其他有关部门应当根据国民经济和社会发展规划……对政府投资项目进行审查，作出是否批准的决定；"
                         "审批时应当委托工程咨询机构进行评估或者组织专家评议。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）项目已列入政府投资年度计划或者项目储备库；\n（二）项目建议书已批复（或者按规定合并审批）；\n（三）资金来源明确。",
        materials=[
            _m("可行性研究报告审批申请文件"),
            _m("可行性研究报告", form="electronic"),
            _m("用地预审与选址意见书", source="government"),
            _m("社会稳定风险评估报告", necessity="conditional", condition="涉及社会稳定风险的重大项目"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("专家评审（委托评估）", "20个工作日", "《政府投资条例》第十一条")],
        online_depth=3, result_type="批文", result_name="可行性研究报告批复", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000110104001", name="固定资产投资项目节能审查", department="QCFGJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国节约能源法》第十五条：国家实行固定资产投资项目节能评估和审查制度。不符合强制性节能标准的项目，建设单位不得开工建设。",
        legal_basis_impl="《固定资产投资项目节能审查办法》（国家发展改革委令2023年第2号）：年综合能源消费量1000吨标准煤以上的项目，建设单位应当编制节能报告报节能审查机关审查。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）项目符合节能有关法律法规、标准规范、政策要求；\n（二）项目能源消费对本地区完成能耗强度和总量控制目标的影响可接受。",
        materials=[
            _m("节能审查申请文件"),
            _m("项目节能报告", form="electronic"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 6), ("决定", "c", 2), ("出件", "w", 1)),
        special_procedures=[_sp("专家评审", "15个工作日", "《固定资产投资项目节能审查办法》")],
        online_depth=4, handling_form="网上办理（投资项目在线审批监管平台）", result_type="批文",
        result_name="节能审查意见", audience="enterprise", themes=["gcjs"],
    ),
]

# ---------------------------------------------------------------- 教育局
ITEMS += [
    _item(
        basic_code="000110601001", name="民办学校设立（正式设立）", department="QCJYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国民办教育促进法》第十二条：举办实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校，由县级以上人民政府教育行政部门按照国家规定的权限审批。",
        legal_basis_impl="《中华人民共和国民办教育促进法》第十七条：申请正式设立民办学校的，审批机关应当自受理之日起三个月内以书面形式作出是否批准的决定；"
                         "《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。",
        legal_limit=60, promised_limit=40,
        legal_limit_note="《民办教育促进法》第十七条：自受理之日起三个月内作出决定（折合60个工作日）；专家评议时间不计入",
        acceptance_conditions="（一）举办者符合法定条件；\n（二）有规范的名称、章程、组织机构；\n（三）有合格的教师和管理人员；\n"
                              "（四）有与办学规模相适应的校舍、场地和教学设施设备；\n（五）有必备的办学资金和稳定的经费来源。",
        materials=[
            _m("正式设立申请报告"),
            _m("筹设批准书", necessity="conditional", condition="经过筹设的", source="issuing_department"),
            _m("学校章程、首届学校理事会（董事会）或者其他决策机构组成人员名单"),
            _m("学校资产的有效证明文件", form="copy"),
            _m("校长、教师、财会人员的资格证明文件", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("材料审查", "a", 15), ("实地考察", "a", 10), ("局务会审定", "c", 10), ("出件", "w", 2)),
        special_procedures=[_sp("专家评议", "20个工作日", "《中华人民共和国民办教育促进法》第十七条；" + _XKF + "第四十五条")],
        online_depth=2, handling_form="窗口办理", result_name="民办学校办学许可证", audience="enterprise", themes=["jy"],
    ),
    _item(
        basic_code="000110602001", name="教师资格认定", department="QCJYJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国教师法》第十三条：中小学教师资格由县级以上地方人民政府教育行政部门认定；《教师资格条例》第十三条。",
        legal_basis_impl="《〈教师资格条例〉实施办法》（教育部令第10号）：教师资格认定机构应当自受理期限终止之日起30个法定工作日内作出是否认定教师资格的结论。",
        legal_limit=30, promised_limit=20,
        acceptance_conditions="（一）遵守宪法和法律，热爱教育事业，具有良好的思想品德；\n（二）具备规定的学历或者通过教师资格考试；\n"
                              "（三）具有教育教学能力，普通话水平达到二级乙等以上标准；\n（四）申请幼儿园、小学、初级中学教师资格，户籍、居住证或者学籍在本县。",
        materials=[
            _m("教师资格认定申请表", form="electronic", notes="通过中国教师资格网在线填报"),
            _id(),
            _m("学历证书", source="government", notes="学信网在线核验"),
            _m("中小学教师资格考试合格证明", source="government"),
            _m("普通话水平测试等级证书", source="government"),
            _m("近期体检合格证明", notes="在县教育局指定医院体检"),
        ],
        steps=_steps(("受理", "w", 0), ("资格审查", "a", 12), ("认定", "c", 5), ("制证", "w", 3)),
        online_depth=3, anywhere_scope="无", result_name="教师资格证书", audience="person", themes=["jycy", "jy"],
    ),
    _item(
        basic_code="002010603001", name="义务教育阶段学生转学", department="QCJYJ",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《中华人民共和国义务教育法》第十二条：适龄儿童、少年免试入学。地方各级人民政府应当保障适龄儿童、少年在户籍所在地学校就近入学。",
        legal_basis_impl="《中小学生学籍管理办法》（教基一〔2013〕7号）：学生转学或者升学的，由转入学校通过电子学籍系统办理学籍转接手续。",
        legal_limit=10, promised_limit=5,
        acceptance_conditions="（一）因家庭住址变动等原因确需转学；\n（二）转入学校有学位。",
        materials=[
            _m("转学申请表"),
            _id("学生监护人"),
            _m("户口簿或者居住证", source="government"),
            _m("房屋产权证明或者租赁合同", necessity="conditional", condition="以居住地申请转入的", commit=True),
        ],
        steps=_steps(("受理", "w", 0), ("学位核定", "a", 2), ("审批", "c", 1), ("学籍转接", "w", 1)),
        visits_required=1, online_depth=3, result_type="其他", result_name="转学联系函及学籍转接",
        audience="person", themes=["jy"],
    ),
    _item(
        basic_code="002010603002", name="适龄儿童义务教育入学报名", department="QCJYJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国义务教育法》第十一条：凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育。",
        legal_basis_impl="《清川县义务教育招生入学工作实施方案》：通过“清川教育”小程序网上报名，户籍、房产等信息由部门共享核验。",
        legal_limit=0, promised_limit=0, promised_limit_note="网上报名当场提交；招生结果按年度招生方案统一公布",
        acceptance_conditions="（一）当年8月31日前年满6周岁（小学）或者小学毕业（初中）；\n（二）户籍或者居住地在学区范围内。",
        materials=[
            _id("儿童监护人"),
            _m("户口簿", source="government"),
            _m("房屋产权证明或者居住证", necessity="conditional", condition="以居住地报名的", source="government"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（“清川教育”小程序）",
        result_type="其他", result_name="入学报名回执", audience="person", themes=["jy"],
    ),
    _item(
        basic_code="000510604001", name="家庭经济困难学生资助", department="QCJYJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国教育法》第三十八条：国家、社会对符合入学条件、家庭经济困难的儿童、少年、青年，提供各种形式的资助。",
        legal_basis_impl="《学生资助资金管理办法》（财教〔2021〕310号）：学前教育幼儿资助、义务教育家庭经济困难学生生活补助、普通高中国家助学金等。",
        legal_limit=30, promised_limit=20,
        acceptance_conditions="（一）在本县学校（幼儿园）就读的学生；\n（二）属于家庭经济困难学生（优先资助脱贫家庭、低保家庭、特困供养、孤残等学生）。",
        materials=[
            _m("家庭经济困难学生认定申请表"),
            _m("低保证、特困供养证、残疾证等证明材料", necessity="conditional", condition="属于特殊困难群体的", source="government"),
            _id("学生监护人"),
        ],
        steps=_steps(("学校受理", "w", 0), ("学校评议", "a", 10), ("县资助中心审核", "c", 6), ("发放", "w", 2)),
        special_procedures=[_sp("公示", "5个工作日", "《学生资助资金管理办法》：认定结果在校内公示")],
        online_depth=2, handling_form="窗口办理（就读学校受理）", result_type="其他", result_name="学生资助金",
        audience="person", themes=["jy", "shjz"],
    ),
]

# ---------------------------------------------------------------- 文化广播电视和旅游局
ITEMS += [
    _item(
        basic_code="000112401001", name="互联网上网服务营业场所经营单位设立审批", department="QCWLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《互联网上网服务营业场所管理条例》第七条：国家对互联网上网服务营业场所经营单位的经营活动实行许可制度。未经许可，任何组织和个人不得从事互联网上网服务经营活动。",
        legal_basis_impl="《互联网上网服务营业场所管理条例》：文化行政部门应当自收到申请之日起20个工作日内作出决定；经实地检查并审核合格的，发给《网络文化经营许可证》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有与其经营活动相适应的并符合国家规定的消防安全条件的营业场所；\n（二）有健全、完善的信息网络安全管理制度和安全技术措施；\n"
                              "（三）有固定的网络地址和与其经营活动相适应的计算机等装置及附属设备；\n"
                              "（四）营业场所与中学、小学校园出入口的直线距离不少于200米。",
        materials=[
            _m("互联网上网服务营业场所经营单位设立申请表"),
            _licence(),
            _id("法定代表人（主要负责人）"),
            _m("营业场所产权证明或者租赁合同", form="copy"),
            _m("信息网络安全管理制度和安全技术措施文本"),
            _m("消防安全检查合格证明或者告知承诺文书", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 3), ("实地检查", "a", 4), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[_sp("实地检查", "4个工作日", "《互联网上网服务营业场所管理条例》", stops=False)],
        online_depth=3, result_name="网络文化经营许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="000112402001", name="娱乐场所经营许可（歌舞、游艺）", department="QCWLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《娱乐场所管理条例》第九条：娱乐场所申请从事娱乐场所经营活动，应当向所在地县级人民政府文化主管部门提出申请。",
        legal_basis_impl="《娱乐场所管理条例》：文化主管部门应当自受理申请之日起20日内依法作出决定；《娱乐场所管理办法》（文化和旅游部令）：文化主管部门审核娱乐场所设立申请，"
                         "可以根据需要举行听证。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）娱乐场所不得设在居民楼、博物馆、图书馆和被核定为文物保护单位的建筑物内，不得设在居民住宅区和学校、医院、机关周围；\n"
                              "（二）有与经营活动相适应的营业场所和设施设备；\n（三）投资人员、拟任法定代表人和其他负责人没有《娱乐场所管理条例》第五条规定的情形。",
        materials=[
            _m("娱乐场所经营许可申请表"),
            _licence(),
            _id("投资人员、拟任法定代表人和其他负责人"),
            _m("营业场所产权证明或者租赁合同及平面示意图", form="copy"),
            _m("消防安全检查合格证明或者告知承诺文书", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 3), ("实地检查", "a", 4), ("决定", "c", 2), ("制证", "w", 1)),
        special_procedures=[
            _sp("听证", "10个工作日", f"{_XKF}第四十六条、第四十七条；《娱乐场所管理办法》"),
            _sp("实地检查", "4个工作日", "《娱乐场所管理条例》", stops=False),
        ],
        online_depth=3, result_name="娱乐经营许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="000112403001", name="营业性演出审批", department="QCWLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《营业性演出管理条例》第十三条：举办营业性演出，应当向演出所在地县级人民政府文化主管部门提出申请。",
        legal_basis_impl="《营业性演出管理条例》第十三条：县级人民政府文化主管部门应当自受理申请之日起3日内作出决定。《营业性演出管理条例实施细则》。",
        legal_limit=3, promised_limit=1,
        acceptance_conditions="（一）演出举办单位具有相应资质；\n（二）演出内容不含有《营业性演出管理条例》第二十五条禁止的情形；\n（三）演出场所符合安全要求。",
        materials=[
            _m("营业性演出申请表"),
            _m("演出节目内容材料", notes="节目名称、内容、时长及演员名单"),
            _m("演员身份证明、演出合同或者演员同意参演的书面函件", form="copy"),
            _m("演出场地使用协议", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("审查决定", "c", 1)),
        online_depth=4, visits_required=0, handling_form="网上办理（全国文化市场技术监管与服务平台）",
        result_type="批文", result_name="营业性演出准予许可决定书", audience="enterprise", themes=[],
    ),
    _item(
        basic_code="000112404001", name="出版物零售业务经营许可", department="QCWLJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《出版管理条例》：单位从事出版物零售业务的，须经县级人民政府出版行政主管部门审核许可，取得《出版物经营许可证》。",
        legal_basis_impl="《出版物市场管理规定》（国家新闻出版广电总局、商务部令第10号）：县级人民政府出版行政主管部门应当自受理申请之日起20个工作日内作出批准或者不予批准的决定。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）已取得营业执照；\n（二）有固定的经营场所；\n（三）法定代表人或者主要负责人及经营人员符合规定。",
        materials=[
            _m("出版物经营许可证申请表"),
            _licence(),
            _m("经营场所的使用证明", commit=True),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 5), ("决定", "c", 2), ("制证", "w", 1)),
        online_depth=4, result_name="出版物经营许可证", audience="both", themes=["kbld"],
    ),
]

# ---------------------------------------------------------------- 应急管理局
ITEMS += [
    _item(
        basic_code="000112201001", name="烟花爆竹经营（零售）许可证核发", department="QCYJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《烟花爆竹安全管理条例》第三条：国家对烟花爆竹的生产、经营、运输和举办焰火晚会以及其他大型焰火燃放活动，实行许可证制度。",
        legal_basis_impl="《烟花爆竹安全管理条例》：从事烟花爆竹零售的经营者，应当向所在地县级人民政府安全生产监督管理部门提出申请；"
                         "受理申请的部门应当自受理申请之日起20日内对提交的有关材料和经营场所进行审查。《烟花爆竹经营许可实施办法》（国家安全监管总局令第65号）。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）主要负责人经过安全培训合格，销售人员经过安全知识教育；\n"
                              "（二）春节期间零售点、城市长期零售点实行专店销售，乡村长期零售点在淡季实行专柜销售时，安排专人销售，专柜相对独立，并与其他柜台保持一定的距离，保证安全通道畅通；\n"
                              "（三）零售场所的面积不小于10平方米，其周边50米范围内没有其他烟花爆竹零售点，并与学校、幼儿园、医院、集贸市场等人员密集场所和加油站等易燃易爆物品生产、储存设施等重点建筑物保持100米以上的安全距离；\n"
                              "（四）零售场所配备必要的消防器材，张贴明显的安全警示标志。",
        materials=[
            _m("烟花爆竹经营（零售）许可证申请书"),
            _licence(),
            _m("零售场所产权证明或者租赁合同", form="copy"),
            _m("主要负责人安全培训合格证明", form="copy"),
            _m("零售场所平面示意图及周边环境说明"),
        ],
        steps=_steps(("受理", "w", 0), ("现场核查", "a", 2), ("决定", "c", 1), ("制证", "w", 1)),
        special_procedures=[_sp("现场核查", "2个工作日", "《烟花爆竹经营许可实施办法》", stops=False)],
        online_depth=3, result_name="烟花爆竹经营（零售）许可证", audience="both", themes=["kbld"],
    ),
    _item(
        basic_code="000112202001", name="危险化学品经营许可证核发（不带储存设施）", department="QCYJJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《危险化学品安全管理条例》第三十三条：国家对危险化学品经营（包括仓储经营）实行许可制度。未经许可，任何单位和个人不得经营危险化学品。",
        legal_basis_impl="《危险化学品安全管理条例》第三十五条：设区的市级人民政府安全生产监督管理部门或者县级人民政府安全生产监督管理部门应当依法进行审查，"
                         "自收到证明材料之日起30日内作出批准或者不予批准的决定。《危险化学品经营许可证管理办法》（国家安全监管总局令第55号）。",
        legal_limit=30, promised_limit=15,
        acceptance_conditions="（一）有符合国家标准、行业标准的经营场所；\n（二）从业人员经过专业技术培训并经考核合格；\n（三）有健全的安全管理规章制度；\n"
                              "（四）有专职安全管理人员；\n（五）有符合国家规定的危险化学品事故应急预案和必要的应急救援器材、设备。",
        materials=[
            _m("危险化学品经营许可证申请表"),
            _licence(),
            _m("经营和储存场所、设施、建筑物符合规定的相关证明材料", form="copy"),
            _m("主要负责人、分管安全负责人、安全管理人员的相应安全资格证", form="copy"),
            _m("安全生产规章制度和岗位操作规程目录清单"),
            _m("危险化学品事故应急预案备案登记表", source="issuing_department"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 5), ("现场核查", "a", 5), ("决定", "c", 3), ("制证", "w", 1)),
        special_procedures=[_sp("现场核查", "5个工作日", "《危险化学品经营许可证管理办法》", stops=False)],
        online_depth=3, result_name="危险化学品经营许可证", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="001012203001", name="生产经营单位生产安全事故应急预案备案", department="QCYJJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set="《生产安全事故应急条例》（国务院令第708号）第七条：易燃易爆物品、危险化学品等危险物品的生产、经营、储存、运输单位……应当将其制定的生产安全事故应急救援预案"
                        "按照国家有关规定报送县级以上人民政府负有安全生产监督管理职责的部门备案。",
        legal_basis_impl="《生产安全事故应急预案管理办法》（应急管理部令第2号）：对于实行备案管理的应急预案，受理备案登记的部门对材料齐全的，应当在5个工作日内出具备案登记表。",
        legal_limit=5, promised_limit=0,
        acceptance_conditions="（一）属于应当备案的生产经营单位；\n（二）应急预案已经评审或者论证并由主要负责人签署公布。",
        materials=[
            _m("生产安全事故应急预案备案申报表"),
            _m("应急预案评审意见", form="copy"),
            _m("应急预案电子文档", form="electronic"),
            _m("风险评估结果和应急资源调查清单"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（全程网办）、窗口办理",
        result_type="其他", result_name="生产经营单位生产安全事故应急预案备案登记表", audience="enterprise",
        themes=["kbqy"],
    ),
]

# ---------------------------------------------------------------- 商务局
ITEMS += [
    _item(
        basic_code="001011901001", name="单用途商业预付卡发卡企业备案", department="QCSHWJ",
        item_type="其他行政权力", case_type="承诺件",
        legal_basis_set="《单用途商业预付卡管理办法（试行）》（商务部令2012年第9号）第七条：发卡企业应在开展单用途卡业务之日起30日内按照下列规定办理备案……"
                        "其他发卡企业向其工商登记注册地县（市、区）商务主管部门备案。",
        legal_basis_impl="《四川省单用途商业预付卡管理实施细则》。",
        legal_limit=5, promised_limit=3,
        acceptance_conditions="（一）从事零售业、住宿和餐饮业、居民服务业的企业法人；\n（二）在开展单用途卡业务之日起30日内申请备案。",
        materials=[
            _m("单用途卡业务备案表"),
            _licence(),
            _m("单用途卡章程", notes="含购卡章程、单用途卡样式、资金管理制度、风险管理制度等"),
            _m("资金存管协议", necessity="conditional", condition="按规定需要存管预收资金的", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 1), ("备案", "c", 1)),
        online_depth=3, result_type="其他", result_name="单用途商业预付卡备案编号", audience="enterprise",
        themes=["kft", "kbqy"],
    ),
    _item(
        basic_code="001011902001", name="再生资源回收经营者备案", department="QCSHWJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set="《再生资源回收管理办法》（商务部等令2007年第8号，2019年修正）第七条：从事再生资源回收经营活动，应当在取得营业执照后30日内，"
                        "按属地管理原则，向登记注册地工商行政管理部门的同级商务主管部门或者其授权机构备案。",
        legal_basis_impl="《再生资源回收管理办法》第七条第二款：备案事项发生变更时，再生资源回收经营者应当自变更之日起30日内向商务主管部门办理变更手续。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）已取得营业执照；\n（二）在取得营业执照后30日内申请。",
        materials=[_m("再生资源回收经营者备案登记表"), _licence()],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（全程网办）、窗口办理",
        result_type="其他", result_name="再生资源回收经营者备案登记证明", audience="enterprise", themes=["kbqy"],
    ),
]

# ---------------------------------------------------------------- 退役军人事务局
ITEMS += [
    _item(
        basic_code="000512101001", name="自主就业退役士兵一次性经济补助金给付", department="QCTYJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国退役军人保障法》第三十六条；《退役士兵安置条例》：对自主就业的退役士兵，地方人民政府可以根据当地实际情况给予经济补助。",
        legal_basis_impl="《四川省自主就业退役士兵一次性经济补助办法》。",
        legal_limit=30, promised_limit=20,
        acceptance_conditions="（一）从本县入伍的自主就业退役士兵；\n（二）已在规定期限内到县退役军人事务局报到。",
        materials=[
            _m("自主就业退役士兵一次性经济补助金申请表"),
            _id(),
            _m("退出现役登记表及退役证", form="copy", source="issuing_department"),
            _m("社会保障卡或者本人银行账户", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 8), ("审批", "c", 5), ("发放", "w", 3)),
        online_depth=3, result_type="其他", result_name="一次性经济补助金", audience="person",
        themes=["tyjr", "jycy"],
    ),
    _item(
        basic_code="002012102001", name="退役军人优待证申领", department="QCTYJ",
        item_type="公共服务", case_type="上报件",
        legal_basis_set="《中华人民共和国退役军人保障法》第六十二条：国家建立退役军人优待制度；《退役军人、其他优抚对象优待证管理办法（试行）》。",
        legal_basis_impl="《退役军人、其他优抚对象优待证管理办法（试行）》：县级退役军人事务部门受理、审核，省级退役军人事务部门组织制发。",
        legal_limit=30, promised_limit=20, promised_limit_note="县级5个工作日内完成审核上报，省级统一制证后通知领取或者邮寄",
        acceptance_conditions="（一）退役军人、烈士遗属、因公牺牲军人遗属、病故军人遗属等优抚对象；\n（二）户籍在本县。",
        materials=[
            _m("优待证申领信息采集表", form="electronic", notes="可通过“退役军人之家”小程序在线申请"),
            _id(),
            _m("近期免冠证件照", form="electronic"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 3), ("上报", "c", 2)),
        visits_required=0, online_depth=4, anywhere_scope="全省通办", handling_form="网上办理、窗口办理",
        result_name="中华人民共和国退役军人优待证", audience="person", themes=["tyjr"],
    ),
    _item(
        basic_code="000712103001", name="退役军人伤残等级评定", department="QCTYJ",
        item_type="行政确认", case_type="上报件",
        legal_basis_set="《军人抚恤优待条例》：退出现役的军人和移交政府安置的军队离休退休干部、退休士官本人（精神病患者由其利害关系人）申请评定残疾等级，"
                        "应当向户籍所在地县级人民政府退役军人工作主管部门提出书面申请。",
        legal_basis_impl="《伤残抚恤管理办法》（退役军人事务部令）：县级退役军人事务部门对报送的材料审查后，在20个工作日内提出意见；需要进行医疗卫生鉴定的，"
                         "由省级人民政府退役军人事务部门指定的医疗卫生专家小组进行残情鉴定。",
        legal_limit=60, promised_limit=40,
        legal_limit_note="县、市、省三级各20个工作日；医学鉴定和公示时间不计入",
        acceptance_conditions="（一）在服役期间因战、因公、因病致残；\n（二）有入伍前、服役期间相关的医疗原始病历等证明材料。",
        materials=[
            _m("残疾等级评定申请书"),
            _id(),
            _m("居民户口簿", source="government"),
            _m("致残经过证明和医疗诊断证明", notes="服役期间形成的原始医疗档案"),
            _m("退役证或者其他证明退役军人身份的材料", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("县级审查", "a", 15), ("报市、省审核", "c", 20), ("送达", "w", 3)),
        special_procedures=[
            _sp("医学鉴定", "据实确定", "《伤残抚恤管理办法》"),
            _sp("公示", "7个工作日", "《伤残抚恤管理办法》：县级在申请人所在单位或者居住地公示"),
        ],
        online_depth=2, handling_form="窗口办理", result_name="中华人民共和国残疾军人证",
        audience="person", themes=["tyjr", "cjrfw"],
    ),
]

# ---------------------------------------------------------------- 综合行政执法局（城市管理）
ITEMS += [
    _item(
        basic_code="000112801001", name="城市建筑垃圾处置核准", department="QCCGJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）附件：城市建筑垃圾处置核准，实施机关为城市人民政府市容环境卫生行政主管部门。",
        legal_basis_impl="《城市建筑垃圾管理规定》（建设部令第139号）第七条：处置建筑垃圾的单位，应当向城市人民政府市容环境卫生主管部门提出申请，获得城市建筑垃圾处置核准后，方可处置。"
                         "城市人民政府市容环境卫生主管部门应当在接到申请后的20日内作出是否核准的决定。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）提交书面申请（包括建筑垃圾运输的时间、路线和处置地点名称、施工单位与运输单位签订的合同、建筑垃圾消纳场的土地用途证明）；\n"
                              "（二）有消纳场的场地平面图、进场路线图、具有相应的摊铺、碾压、除尘、照明等机械和设备；\n"
                              "（三）有建筑垃圾分类处置的方案和对废混凝土、金属、木材等回收利用的方案。",
        materials=[
            _m("城市建筑垃圾处置核准申请表"),
            _m("施工单位与运输单位签订的运输合同", form="copy"),
            _m("建筑垃圾消纳场的土地用途证明或者消纳协议", form="copy"),
            _m("建筑垃圾运输的时间、路线和处置地点说明"),
            _m("建筑垃圾分类处置和回收利用方案"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("现场勘查", "a", 1), ("决定", "c", 1), ("出件", "w", 1)),
        online_depth=3, result_name="城市建筑垃圾处置核准证", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000112802001", name="设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批", department="QCCGJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《城市市容和环境卫生管理条例》第十一条：大型户外广告的设置必须征得城市人民政府市容环境卫生行政主管部门同意后，按照有关规定办理审批手续。",
        legal_basis_impl="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）；《清川县户外广告设置管理办法》。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）符合本县户外广告设置规划；\n（二）广告设施结构安全，不影响市容市貌、交通安全和消防通道。",
        materials=[
            _m("户外广告设置申请表"),
            _licence(),
            _m("户外广告设计效果图、规格尺寸及设置位置示意图"),
            _m("设置场地的产权证明或者使用协议", form="copy"),
            _m("结构安全设计说明", necessity="conditional", condition="设置大型落地式或者楼顶广告设施的"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 2), ("现场勘查", "a", 1), ("决定", "c", 1), ("出件", "w", 1)),
        online_depth=3, result_type="批文", result_name="户外广告设置许可决定书", audience="enterprise",
        themes=["kbqy", "kft"],
    ),
    _item(
        basic_code="000112803001", name="占用、挖掘城市道路审批", department="QCCGJ",
        item_type="行政许可", case_type="联办件",
        legal_basis_set="《城市道路管理条例》第三十条：未经市政工程行政主管部门和公安交通管理部门批准，任何单位或者个人不得占用或者挖掘城市道路；"
                        "第三十一条：因特殊情况需要临时占用城市道路的，须经市政工程行政主管部门和公安交通管理部门批准，方可按照规定占用。",
        legal_basis_impl="《清川县城市道路占用挖掘管理办法》：综合行政执法局会同县公安局交通警察大队联合审批，一窗受理、并联办理。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）因工程建设确需挖掘城市道路，或者因特殊情况需要临时占用城市道路；\n（二）有施工方案、交通组织方案和安全保障措施；\n"
                              "（三）新建、扩建、改建的城市道路交付使用后5年内、大修的城市道路竣工后3年内不得挖掘（因特殊情况需要挖掘的，须经县人民政府批准）。",
        materials=[
            _m("占用、挖掘城市道路申请表"),
            _m("施工方案和交通组织方案", notes="标明占用挖掘位置、面积、期限及围挡、警示设施"),
            _m("规划部门批准文件", necessity="conditional", condition="挖掘城市道路敷设管线的", source="government"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("联合审查", "a", 2), ("现场勘查", "a", 1), ("决定", "c", 1), ("出件", "w", 1)),
        special_procedures=[_sp("联合现场踏勘", "1个工作日", "《清川县城市道路占用挖掘管理办法》", stops=False)],
        fees=[_fee("城市道路占用费", "按占用面积和期限计收，具体标准执行四川省物价部门核定标准", "《城市道路管理条例》第三十七条", reducible=True),
              _fee("城市道路挖掘修复费", "按修复工程实际造价计收", "《城市道路管理条例》第三十三条")],
        online_depth=3, result_type="批文", result_name="占用、挖掘城市道路许可决定书", audience="enterprise",
        themes=["gcjs"],
    ),
]

# ---------------------------------------------------------------- 气象局（未进驻）
_FL = "《国务院关于优化建设工程防雷许可的决定》（国发〔2016〕39号）"
ITEMS += [
    _item(
        basic_code="000112901001", name="雷电防护装置设计审核（易燃易爆建设工程和场所）", department="QCQXJ",
        item_type="行政许可", case_type="承诺件", stationed=False,
        legal_basis_set="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）附件：防雷装置设计审核和竣工验收，实施机关为县以上地方气象主管机构；"
                        f"{_FL}：油库、气库、弹药库、化学品仓库、烟花爆竹、石化等易燃易爆建设工程和场所的雷电防护装置设计审核、竣工验收仍由气象部门负责。",
        legal_basis_impl="《雷电防护装置设计审核和竣工验收规定》（中国气象局令）：气象主管机构应当在受理之日起20个工作日内完成审核工作。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）属于易燃易爆建设工程和场所，或者雷电易发区内的矿区、旅游景点、投入使用的建（构）筑物、设施等需要单独安装雷电防护装置的场所；\n"
                              "（二）雷电防护装置设计文件符合国家有关标准和技术规范。",
        materials=[
            _m("雷电防护装置设计审核申请书"),
            _m("总规划平面图"),
            _m("雷电防护装置设计说明书和设计图纸", form="electronic"),
            _m("设计中所采用的防雷产品相关说明", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("技术审查", "a", 6), ("决定", "c", 2), ("出件", "w", 1)),
        online_depth=3, handling_form="窗口办理（县气象局）、网上办理", result_type="批文",
        result_name="雷电防护装置设计核准意见书", audience="enterprise", themes=["gcjs"],
    ),
    _item(
        basic_code="000112901002", name="雷电防护装置竣工验收（易燃易爆建设工程和场所）", department="QCQXJ",
        item_type="行政许可", case_type="承诺件", stationed=False,
        legal_basis_set=f"《中华人民共和国气象法》第三十一条；{_FL}。",
        legal_basis_impl="《雷电防护装置设计审核和竣工验收规定》（中国气象局令）：气象主管机构应当在受理之日起10个工作日内作出竣工验收结论。",
        legal_limit=10, promised_limit=5,
        acceptance_conditions="（一）雷电防护装置已按核准的设计施工完成；\n（二）已由具有相应资质的检测机构出具检测报告且检测合格。",
        materials=[
            _m("雷电防护装置竣工验收申请书"),
            _m("雷电防护装置设计核准意见书", source="issuing_department"),
            _m("雷电防护装置检测报告", form="copy"),
            _m("施工单位资质和施工人员资格证书", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("现场核实", "a", 2), ("决定", "c", 1), ("出件", "w", 1)),
        online_depth=3, handling_form="窗口办理（县气象局）", result_type="批文",
        result_name="雷电防护装置验收意见书", audience="enterprise", themes=["gcjs"],
    ),
]

# ---------------------------------------------------------------- 国家税务总局清川县税务局
_ZGF = "《中华人民共和国税收征收管理法》"
ITEMS += [
    _item(
        basic_code="000113001001", name="增值税专用发票（增值税税控系统）最高开票限额审批", department="QCSWJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）附件：增值税防伪税控系统最高开票限额审批。",
        legal_basis_impl="《国家税务总局关于简化增值税发票领用和使用程序有关问题的公告》；《税务行政许可实施办法》（国家税务总局令第27号）。",
        legal_limit=20, promised_limit=10,
        promised_limit_note="最高开票限额10万元及以下的当场办结；超过10万元的10个工作日内办结",
        acceptance_conditions="（一）已办理税务登记（信息确认）的增值税一般纳税人或者按规定可自行开具增值税专用发票的小规模纳税人；\n"
                              "（二）申请的最高开票限额与实际生产经营相适应。",
        materials=[
            _m("增值税专用发票最高开票限额申请单", copies=2),
            _id("经办人"),
        ],
        steps=_steps(("受理", "w", 0), ("实地查验", "a", 5), ("审批", "c", 3), ("发放", "w", 1)),
        special_procedures=[_sp("实地查验", "5个工作日", "《税务行政许可实施办法》", stops=False)],
        visits_required=0, online_depth=4, handling_form="电子税务局、窗口办理",
        result_type="批文", result_name="准予税务行政许可决定书", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="002013002001", name="新办纳税人“套餐式”服务", department="QCSWJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_ZGF}第十五条：企业，企业在外地设立的分支机构和从事生产、经营的场所，个体工商户和从事生产、经营的事业单位，"
                        "自领取营业执照之日起三十日内，持有关证件，向税务机关申报办理税务登记。",
        legal_basis_impl="《国家税务总局关于进一步简化新办纳税人涉税事项办理的公告》：新办纳税人可一次性办理登记信息确认、财务会计制度备案、实名办税、"
                         "发票票种核定、数电发票开票额度确定等涉税事项。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）已领取营业执照；\n（二）法定代表人、财务负责人、办税人员已完成实名认证。",
        materials=[
            _m("新办纳税人涉税事项综合申请表", form="electronic", notes="企业开办“一网通”同步推送营业执照信息，免于重复填报"),
            _id("法定代表人、财务负责人和办税人员"),
        ],
        steps=_now(), visits_required=0, online_depth=4, handling_form="电子税务局、企业开办“一网通”",
        result_type="其他", result_name="税务登记信息确认及发票领用", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="001013003001", name="契税申报", department="QCSWJ",
        item_type="其他行政权力", case_type="即办件",
        legal_basis_set="《中华人民共和国契税法》第一条：在中华人民共和国境内转移土地、房屋权属，承受的单位和个人为契税的纳税人；"
                        "第十条：纳税人应当在依法办理土地、房屋权属登记手续前申报缴纳契税。",
        legal_basis_impl="《财政部 税务总局 住房城乡建设部关于促进房地产市场平稳健康发展有关税收政策的公告》（个人购买家庭唯一住房、第二套住房契税优惠）。",
        legal_limit=0, promised_limit=0, promised_limit_note="不动产登记、交易、纳税“一窗受理”，当场申报缴纳",
        acceptance_conditions="（一）承受土地、房屋权属；\n（二）已签订土地、房屋权属转移合同。",
        materials=[
            _m("财产和行为税税源明细表（契税）", form="electronic", notes="由“一窗受理”系统根据网签合同自动生成"),
            _id("承受方"),
            _m("土地、房屋权属转移合同", source="government", notes="网签备案系统共享"),
            _m("家庭住房情况书面查询结果或者承诺", necessity="conditional", condition="享受家庭住房契税优惠的", commit=True),
        ],
        steps=_now(), visits_required=1, online_depth=3, handling_form="窗口办理（不动产登记综合窗口）、电子税务局",
        supports_online_payment=True, result_type="其他", result_name="契税完税凭证", audience="both", themes=["gfzy"],
    ),
    _item(
        basic_code="002013004001", name="个人所得税综合所得年度汇算", department="QCSWJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国个人所得税法》第十一条：居民个人取得综合所得，按年计算个人所得税；需要办理汇算清缴的，应当在取得所得的次年三月一日至六月三十日内办理汇算清缴。",
        legal_basis_impl="《国家税务总局关于办理个人所得税综合所得汇算清缴事项的公告》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）居民个人取得综合所得；\n（二）需要补税或者申请退税。",
        materials=[_m("个人所得税年度自行纳税申报表", form="electronic", notes="个人所得税APP预填，本人确认后提交")],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="跨省通办",
        handling_form="网上办理（个人所得税APP）、窗口办理", result_type="其他", result_name="申报及退（补）税结果",
        audience="person", themes=["jycy"],
    ),
    _item(
        basic_code="002013005001", name="清税证明开具", department="QCSWJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_ZGF}第十六条；《中华人民共和国税收征收管理法实施细则》第十五条、第十六条：纳税人在办理注销税务登记前，应当向税务机关结清应纳税款、滞纳金、罚款，"
                        "缴销发票、税务登记证件和其他税务证件。",
        legal_basis_impl="《国家税务总局关于进一步优化办理企业税务注销程序的通知》：未办理过涉税事宜或者符合条件的纳税人，税务机关即时出具清税文书。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）已结清应纳税款、滞纳金、罚款；\n（二）已缴销发票。",
        materials=[_m("清税申报表", form="electronic"), _id("经办人")],
        steps=_now(), visits_required=0, online_depth=4, handling_form="电子税务局、窗口办理",
        result_type="其他", result_name="清税证明", audience="enterprise", themes=["qyzx"],
    ),
]

# ---------------------------------------------------------------- 消防救援大队
ITEMS += [
    _item(
        basic_code="000113101001", name="公众聚集场所投入使用、营业前消防安全检查", department="QCXFJY",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国消防法》第十五条：公众聚集场所在投入使用、营业前，建设单位或者使用单位应当向场所所在地的县级以上地方人民政府消防救援机构申请消防安全检查，"
                        "作出场所符合消防技术标准和管理规定的承诺，提交规定的材料，并对其承诺和材料的真实性负责。",
        legal_basis_impl="《中华人民共和国消防法》第十五条第二、三款：消防救援机构对申请人提交的材料进行审查；申请材料齐全、符合法定形式的，应当予以许可。"
                         "申请人选择不采用告知承诺方式办理的，消防救援机构应当自受理申请之日起十个工作日内，根据消防技术标准和管理规定，对该场所进行检查。"
                         "《公众聚集场所投入使用营业前消防安全检查规则》。",
        legal_limit=10, promised_limit=3,
        promised_limit_note="采用告知承诺方式的当场作出许可决定，并在许可后20个工作日内核查；不采用告知承诺的3个工作日内完成检查并作出决定",
        acceptance_conditions="（一）属于宾馆、饭店、商场、集贸市场、客运车站候车室、体育场馆、会堂、公共娱乐场所等公众聚集场所；\n"
                              "（二）场所建设工程已依法通过消防验收或者备案；\n（三）场所符合消防技术标准和管理规定。",
        materials=[
            _m("公众聚集场所投入使用、营业消防安全告知承诺书", commit=True),
            _licence(),
            _m("场所平面布置图、场所消防设施平面图"),
            _m("消防安全制度、灭火和应急疏散预案"),
            _m("场所室内装修消防设计施工图、消防产品质量合格证明文件及装修材料防火性能符合消防技术标准的证明文件",
               necessity="conditional", condition="场所进行室内装修的", form="copy"),
        ],
        steps=_steps(("受理", "w", 0), ("现场检查", "a", 2), ("决定", "c", 1)),
        special_procedures=[_sp("现场检查", "2个工作日", "《公众聚集场所投入使用营业前消防安全检查规则》", stops=False)],
        online_depth=4, handling_form="窗口办理、网上办理（消防救援局政务服务平台）",
        result_name="公众聚集场所投入使用、营业前消防安全检查合格证", audience="enterprise", themes=["kft", "kbqy"],
    ),
    _item(
        basic_code="000713102001", name="火灾事故认定", department="QCXFJY",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set="《中华人民共和国消防法》第五十一条：消防救援机构有权根据需要封闭火灾现场，负责调查火灾原因，统计火灾损失。"
                        "火灾扑灭后……消防救援机构根据火灾现场勘验、调查情况和有关的检验、鉴定意见，及时制作火灾事故认定书，作为处理火灾事故的证据。",
        legal_basis_impl="《火灾事故调查规定》（公安部令第121号）：消防机构应当自接到火灾报警之日起30日内作出火灾事故认定；情况复杂、疑难的，经上一级消防机构批准，"
                         "可以延长30日。火灾事故调查中需要进行检验、鉴定的，检验、鉴定时间不计入调查期限。",
        legal_limit=30, legal_limit_unit="natural_days", promised_limit=25, promised_limit_unit="natural_days",
        acceptance_conditions="（一）本县辖区内发生的火灾；\n（二）属于县级消防救援机构管辖的火灾事故调查范围。",
        materials=[
            _m("火灾事故认定申请（当事人陈述）"),
            _id("当事人"),
            _m("火灾损失申报统计表", necessity="optional", notes="受损单位和个人应当于火灾扑灭之日起7日内申报"),
        ],
        steps=_steps(("受理", "w", 0), ("现场勘验与调查询问", "a", 12), ("审核", "a", 4), ("认定", "c", 2), ("送达", "w", 1)),
        special_procedures=[_sp("检验、鉴定", "据实确定", "《火灾事故调查规定》：检验、鉴定时间不计入调查期限")],
        visits_required=1, online_depth=1, handling_form="窗口办理（县消防救援大队）", supports_appointment=False,
        result_type="其他", result_name="火灾事故认定书", audience="both", themes=[],
    ),
]

# ---------------------------------------------------------------- 住房公积金管理部
_GJJ = "《住房公积金管理条例》（2019年修订）"
ITEMS += [
    _item(
        basic_code="002013201001", name="住房公积金个人住房贷款", department="QCGJJ",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set=f"{_GJJ}第二十六条：缴存住房公积金的职工，在购买、建造、翻建、大修自住住房时，可以向住房公积金管理中心申请住房公积金贷款。"
                        "住房公积金管理中心应当自受理申请之日起15日内作出准予贷款或者不准贷款的决定，并通知申请人；准予贷款的，由受委托银行办理贷款手续。",
        legal_basis_impl="《川东市住房公积金个人住房贷款管理办法》：单人最高贷款额度50万元，夫妻双方最高贷款额度70万元。",
        legal_limit=15, legal_limit_unit="natural_days", promised_limit=10, promised_limit_unit="natural_days",
        acceptance_conditions="（一）申请前连续足额缴存住房公积金6个月以上；\n（二）购买、建造、翻建、大修自住住房；\n（三）具有稳定的经济收入和偿还贷款能力，个人信用良好。",
        materials=[
            _m("住房公积金个人住房贷款申请表"),
            _id("借款人及配偶"),
            _m("婚姻状况证明", source="government"),
            _m("购房合同及首付款凭证", notes="商品房网签合同由系统共享"),
            _m("借款人收入证明", commit=True),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 3), ("审批", "c", 2), ("签订合同", "w", 1)),
        online_depth=3, anywhere_scope="全市通办", result_type="其他", result_name="住房公积金贷款审批通知书",
        audience="person", themes=["gfzy"],
    ),
    _item(
        basic_code="002013202001", name="住房公积金提取", department="QCGJJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_GJJ}第二十四条：职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：（一）购买、建造、翻建、大修自住住房的；（二）离休、退休的……",
        legal_basis_impl=f"{_GJJ}第二十五条：住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准提取的决定，并通知申请人。",
        legal_limit=2, promised_limit=0,
        legal_limit_note="《住房公积金管理条例》第二十五条：自受理申请之日起3日内作出准予提取或者不准提取的决定（折合2个工作日）",
        acceptance_conditions="（一）购买、建造、翻建、大修自住住房；\n（二）离休、退休；\n（三）偿还住房公积金或者商业住房贷款本息；\n"
                              "（四）租房自住且无自有住房；\n（五）其他符合规定的情形。",
        materials=[
            _m("住房公积金提取申请表", form="electronic", notes="可通过川东公积金APP、天府通办在线申请"),
            _id(),
            _m("提取事由证明材料", notes="购房合同、不动产权证书、退休证明等，已共享的免于提交", source="government"),
        ],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="跨省通办",
        handling_form="网上办理（全程网办）、窗口办理", result_type="其他", result_name="住房公积金提取到账",
        audience="person", themes=["gfzy", "txyl"],
    ),
    _item(
        basic_code="002013203001", name="单位住房公积金缴存登记", department="QCGJJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set=f"{_GJJ}第十四条：新设立的单位应当自设立之日起30日内向住房公积金管理中心办理住房公积金缴存登记，并自登记之日起20日内，"
                        "为本单位职工办理住房公积金账户设立手续。",
        legal_basis_impl="《川东市住房公积金缴存管理办法》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="本县行政区域内新设立的单位（企业开办“一网通”同步办理）。",
        materials=[_licence(), _m("单位住房公积金缴存登记表", form="electronic")],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理（企业开办一网通）",
        result_type="其他", result_name="单位住房公积金账号", audience="enterprise", themes=["kbqy"],
    ),
]

# ---------------------------------------------------------------- 公共企事业单位（供电、供水、供气）
_SD = "《国务院办公厅转发国家发展改革委等部门关于清理规范城镇供水供电供气供暖行业收费促进行业高质量发展意见的通知》（国办函〔2020〕129号）"
ITEMS += [
    _item(
        basic_code="002020001001", name="低压居民用电新装（增容）", department="QCGDGS",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《电力供应与使用条例》第二十二条：用户申请新装或者增加用电时，应当向供电企业提供用电工程项目批准的文件及有关的用电资料。",
        legal_basis_impl="《供电营业规则》（国家发展改革委令2024年第14号）；《国家发展改革委 国家能源局关于全面提升“获得电力”服务水平 持续优化用电营商环境的意见》（发改能源规〔2020〕1479号）。",
        legal_limit=5, promised_limit=3, promised_limit_note="具备直接装表条件的，受理后3个工作日内装表接电",
        acceptance_conditions="（一）用电地址房屋产权清晰；\n（二）具备装表接电条件。",
        materials=[
            _m("用电申请（网上国网APP在线填报）", form="electronic"),
            _id("用电人"),
            _m("用电地址物业权属证明", source="government", notes="不动产登记信息共享，未登记的可提交购房合同或者承诺"),
        ],
        steps=_steps(("受理", "w", 0), ("现场勘查", "a", 1), ("装表接电", "c", 1)),
        visits_required=0, online_depth=4, handling_form="网上办理（网上国网APP）、窗口办理",
        result_type="其他", result_name="供用电合同及装表接电", audience="person", themes=["gfzy"],
    ),
    _item(
        basic_code="002020001002", name="低压小微企业用电报装", department="QCGDGS",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《电力供应与使用条例》第二十二条。",
        legal_basis_impl="《国家发展改革委 国家能源局关于全面提升“获得电力”服务水平 持续优化用电营商环境的意见》（发改能源规〔2020〕1479号）：低压小微企业用电报装实行“三零”服务（零上门、零审批、零投资）。",
        legal_limit=15, promised_limit=6, promised_limit_note="无外线工程的3个工作日，有外线工程的6个工作日",
        acceptance_conditions="（一）报装容量160千瓦及以下；\n（二）已取得营业执照或者用电地址权属证明。",
        materials=[
            _m("用电申请", form="electronic"),
            _licence(),
            _m("用电地址物业权属证明或者租赁合同", commit=True),
        ],
        steps=_steps(("受理", "w", 0), ("现场勘查", "a", 1), ("外线施工", "a", 4), ("装表接电", "c", 1)),
        visits_required=0, online_depth=4, handling_form="网上办理（网上国网APP）、窗口办理",
        result_type="其他", result_name="供用电合同及装表接电", audience="enterprise", themes=["kbqy", "kft"],
    ),
    _item(
        basic_code="002020001003", name="电力用户过户", department="QCGDGS",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《电力供应与使用条例》第二十四条；《供电营业规则》：用户办理过户，应当持有关证明向供电企业提出申请。",
        legal_basis_impl="《供电营业规则》（国家发展改革委令2024年第14号）。",
        legal_limit=0, promised_limit=0, promised_limit_note="与不动产转移登记联动，“水电气过户一件事”一次办结",
        acceptance_conditions="（一）用电地址产权已转移；\n（二）原户已结清电费。",
        materials=[_id("新户主"), _m("不动产权证书", source="government", notes="不动产登记联动共享")],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理、窗口办理（不动产登记综合窗口联办）",
        result_type="其他", result_name="过户后的供用电合同", audience="both", themes=["gfzy"],
    ),
    _item(
        basic_code="002020101001", name="用水报装", department="QCZLS",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《城市供水条例》：用水单位和个人需要新装用水的，应当向城市自来水供水企业申请。",
        legal_basis_impl=f"{_SD}；《清川县城市供水管理办法》。",
        legal_limit=10, promised_limit=5, promised_limit_note="不涉及外线施工的5个工作日内通水",
        acceptance_conditions="（一）用水地址在公共供水管网覆盖范围内；\n（二）房屋产权清晰。",
        materials=[
            _m("用水申请表"),
            _id("申请人", necessity="conditional", condition="个人申请的"),
            _licence(necessity="conditional", condition="单位申请的"),
            _m("房屋产权证明或者租赁合同", commit=True),
        ],
        steps=_steps(("受理", "w", 0), ("现场勘查", "a", 2), ("安装通水", "c", 2)),
        visits_required=0, online_depth=3, result_type="其他", result_name="供用水合同及通水",
        audience="both", themes=["gfzy", "kft"],
    ),
    _item(
        basic_code="002020101002", name="用水户名变更（过户）", department="QCZLS",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《城市供水条例》。",
        legal_basis_impl="《清川县城市供水管理办法》；“水电气过户一件事”联办规则。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）房屋产权已转移；\n（二）原户已结清水费。",
        materials=[_id("新户主"), _m("不动产权证书", source="government")],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理、窗口办理",
        result_type="其他", result_name="变更后的供用水合同", audience="both", themes=["gfzy"],
    ),
    _item(
        basic_code="002020201001", name="居民管道天然气开户", department="QCRQGS",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《城镇燃气管理条例》第十七条：燃气经营者应当向燃气用户持续、稳定、安全供应符合国家质量标准的燃气。",
        legal_basis_impl=f"{_SD}；《四川省燃气管理条例》。",
        legal_limit=10, promised_limit=5, promised_limit_note="已敷设户内管道的，5个工作日内安全检查并通气",
        acceptance_conditions="（一）房屋已敷设燃气管道或者具备安装条件；\n（二）室内用气环境符合安全要求。",
        materials=[_id(), _m("房屋产权证明或者购房合同", source="government"), _m("燃气安全用气承诺书", commit=True)],
        steps=_steps(("受理", "w", 0), ("入户安检", "a", 2), ("通气点火", "c", 1)),
        visits_required=0, online_depth=3, result_type="其他", result_name="供用气合同及通气",
        audience="person", themes=["gfzy"],
    ),
    _item(
        basic_code="002020201002", name="燃气用户过户", department="QCRQGS",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《城镇燃气管理条例》。",
        legal_basis_impl="“水电气过户一件事”联办规则。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）房屋产权已转移；\n（二）原户已结清燃气费。",
        materials=[_id("新户主"), _m("不动产权证书", source="government")],
        steps=_now(), visits_required=0, online_depth=4, handling_form="网上办理、窗口办理",
        result_type="其他", result_name="变更后的供用气合同", audience="both", themes=["gfzy"],
    ),
    _item(
        basic_code="002020201003", name="非居民用户燃气报装（餐饮等）", department="QCRQGS",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《城镇燃气管理条例》第十七条、第二十八条。",
        legal_basis_impl=f"{_SD}；《城镇燃气设计规范》（GB 50028）。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）用气场所符合燃气安全使用条件；\n（二）餐饮用户应当安装可燃气体报警装置和自动切断装置。",
        materials=[
            _m("非居民用气申请表"),
            _licence(),
            _m("用气场所产权证明或者租赁合同", form="copy"),
            _m("用气设备清单及用气量说明"),
        ],
        steps=_steps(("受理", "w", 0), ("现场勘查与方案设计", "a", 4), ("施工安装", "a", 4), ("验收通气", "c", 1)),
        online_depth=3, result_type="其他", result_name="供用气合同及通气", audience="enterprise", themes=["kft"],
    ),
]

# ---------------------------------------------------------------- 残疾人联合会
ITEMS += [
    _item(
        basic_code="000714001001", name="残疾人证新办", department="QCCL",
        item_type="行政确认", case_type="承诺件",
        legal_basis_set="《中华人民共和国残疾人保障法》第二条：残疾人是指在心理、生理、人体结构上，某种组织、功能丧失或者不正常，全部或者部分丧失以正常方式从事某种活动能力的人。",
        legal_basis_impl="《中华人民共和国残疾人证管理办法》（中国残联印发）：残疾人证由县级残联负责审核发放；《残疾人残疾分类和分级》（GB/T 26341）。",
        legal_limit=20, promised_limit=10, promised_limit_note="评残结果录入后10个工作日内审核发证；残疾评定时间不计入",
        acceptance_conditions="（一）本县户籍或者持本县居住证（跨省通办）的视力、听力、言语、肢体、智力、精神及多重残疾人；\n"
                              "（二）经县残联指定的评定机构评定达到残疾标准。",
        materials=[
            _m("中华人民共和国残疾人证申请表"),
            _id(),
            _m("居民户口簿", source="government"),
            _m("近期2寸免冠彩色照片", copies=3, paper="2寸"),
            _m("监护人身份证明", necessity="conditional", condition="未成年人或者智力、精神残疾人由监护人代办的", source="government"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 5), ("审批", "c", 2), ("制证", "w", 2)),
        special_procedures=[_sp("残疾评定", "按评定机构排期，一般15个工作日", "《中华人民共和国残疾人证管理办法》")],
        visits_required=1, online_depth=3, anywhere_scope="跨省通办",
        result_name="中华人民共和国残疾人证（第三代智能化残疾人证）", audience="person", themes=["cjrfw"],
    ),
    _item(
        basic_code="002014001002", name="残疾人证迁移、换领、补办", department="QCCL",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《中华人民共和国残疾人保障法》第二条。",
        legal_basis_impl="《中华人民共和国残疾人证管理办法》：残疾人证有效期满、遗失、损毁或者户籍迁移的，持证人可以申请换领、补办或者迁移。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）持有中华人民共和国残疾人证；\n（二）证件有效期满、遗失、损毁或者户籍迁入本县。",
        materials=[
            _m("残疾人证换领（补办、迁移）申请表"),
            _id(),
            _m("原残疾人证", necessity="conditional", condition="换领的", source="issuing_department"),
        ],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("制证", "w", 2)),
        online_depth=4, anywhere_scope="跨省通办", result_name="中华人民共和国残疾人证",
        audience="person", themes=["cjrfw"],
    ),
    _item(
        basic_code="000514002001", name="残疾人辅助器具适配补贴", department="QCCL",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国残疾人保障法》第十九条：国家采取措施……组织和扶持残疾人康复器械、辅助器具的研制、生产、供应、维修服务。",
        legal_basis_impl="《国务院关于加快发展康复辅助器具产业的若干意见》（国发〔2016〕60号）；《四川省残疾人基本辅助器具适配补贴实施办法》。",
        legal_limit=20, promised_limit=15,
        acceptance_conditions="（一）持有本县核发的第二代或者第三代残疾人证；\n（二）经评估确有辅助器具适配需求。",
        materials=[
            _m("残疾人辅助器具适配补贴申请表"),
            _m("中华人民共和国残疾人证", source="government"),
            _m("辅助器具适配评估意见", notes="由县残疾人康复服务中心出具"),
        ],
        steps=_steps(("受理", "w", 0), ("评估审核", "a", 8), ("审批", "c", 3), ("补贴发放", "w", 3)),
        online_depth=3, anywhere_scope="全县通办", result_type="其他", result_name="辅助器具适配补贴",
        audience="person", themes=["cjrfw"],
    ),
]

# ---------------------------------------------------------------- 档案馆（未进驻）
ITEMS += [
    _item(
        basic_code="002014101001", name="档案查阅利用", department="QCDAG",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国档案法》（2020年修订）第二十八条：档案馆应当通过其网站或者其他方式定期公布开放档案的目录，不断完善利用规则，"
                        "创新服务形式，强化服务功能，提高服务水平，积极为档案的利用创造条件，简化手续，提供便利。",
        legal_basis_impl="《各级国家档案馆开放档案办法》；《清川县档案馆档案利用工作规定》。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="（一）查阅开放档案的公民、法人和其他组织；\n（二）查阅本人婚姻登记、招工、知青、学籍等民生档案的当事人或者其委托人。",
        materials=[
            _m("档案查阅利用登记表"),
            _id("查阅人"),
            *_agent(),
        ],
        steps=_now(), visits_required=1, online_depth=2, handling_form="窗口办理（县档案馆查阅大厅）",
        result_type="其他", result_name="档案复制件（加盖档案证明专用章）", audience="both", themes=["txyl", "jh"],
    ),
    _item(
        basic_code="002014101002", name="民生档案跨馆查询利用", department="QCDAG",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《中华人民共和国档案法》第二十八条。",
        legal_basis_impl="《国家档案局关于开展民生档案跨馆出证服务工作的通知》：查档人可在就近的综合档案馆申请查询其他档案馆保存的民生档案。",
        legal_limit=10, promised_limit=5,
        acceptance_conditions="（一）查询对象为婚姻登记、独生子女、知青、退伍军人等民生档案；\n（二）查档人为档案当事人或者其委托人。",
        materials=[_m("民生档案跨馆查询申请表"), _id("查档人"), *_agent()],
        steps=_steps(("受理", "w", 0), ("转办馆藏地查档", "a", 3), ("出证", "c", 1)),
        visits_required=0, online_depth=3, anywhere_scope="跨省通办", supports_delivery=True,
        handling_form="窗口办理、网上办理", result_type="其他", result_name="档案证明（电子出证）",
        audience="person", themes=["txyl"],
    ),
]

# ---------------------------------------------------------------- 烟草专卖局（未进驻）
_YC = "《烟草专卖许可证管理办法》（工业和信息化部令第37号）"
ITEMS += [
    _item(
        basic_code="000114201001", name="烟草专卖零售许可证新办", department="QCYCJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国烟草专卖法》第十六条：经营烟草制品零售业务的企业或者个人，由县级人民政府烟草专卖行政主管部门或者省级烟草专卖行政主管部门在县级设立的派出机构审查批准，"
                        "取得烟草专卖零售许可证。",
        legal_basis_impl=f"《中华人民共和国烟草专卖法实施条例》；{_YC}：烟草专卖许可证发证机关应当自受理申请之日起20日内作出决定；《四川省烟草制品零售点合理布局规定》。",
        legal_limit=20, promised_limit=10,
        acceptance_conditions="（一）有与经营烟草制品零售业务相适应的资金；\n（二）有固定的经营场所，且不在中小学校周边等法律法规禁止经营的区域；\n"
                              "（三）符合本地烟草制品零售点合理布局的要求。",
        materials=[
            _m("烟草专卖零售许可证申请表"),
            _licence(),
            _id("经营者"),
            _m("经营场所的使用证明", commit=True),
        ],
        steps=_steps(("受理", "w", 0), ("实地核查", "a", 5), ("审批", "c", 3), ("发证", "w", 1)),
        special_procedures=[_sp("实地核查", "5个工作日", _YC, stops=False)],
        online_depth=4, handling_form="网上办理（烟草专卖许可证网上办理平台）、窗口办理（县烟草专卖局）",
        result_name="烟草专卖零售许可证", audience="both", themes=["kbld"],
    ),
    _item(
        basic_code="000114201002", name="烟草专卖零售许可证延续", department="QCYCJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国烟草专卖法》第十六条。",
        legal_basis_impl=f"{_YC}：烟草专卖许可证有效期届满需要继续经营的，持证人应当在有效期届满30日前向原发证机关申请延续。",
        legal_limit=20, promised_limit=5,
        acceptance_conditions="（一）在烟草专卖零售许可证有效期届满30日前提出；\n（二）持证期间无严重违法违规行为，仍符合合理布局要求。",
        materials=[_m("烟草专卖零售许可证延续申请表"), _m("烟草专卖零售许可证", source="issuing_department")],
        steps=_steps(("受理", "w", 0), ("审核", "a", 2), ("审批", "c", 1), ("发证", "w", 1)),
        visits_required=0, online_depth=4, handling_form="网上办理（烟草专卖许可证网上办理平台）",
        result_name="烟草专卖零售许可证", audience="both", themes=["kbld"],
    ),
]

# ---------------------------------------------------------------- 公证处
_GZGZ = "《公证程序规则》（司法部令第145号，2020年修正）"
_GZ_FEE = "《四川省发展和改革委员会 四川省司法厅关于公证服务收费有关事项的通知》"
ITEMS += [
    _item(
        basic_code="002014301001", name="亲属关系公证", department="QCGZC",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《中华人民共和国公证法》第十一条：根据自然人、法人或者其他组织的申请，公证机构办理下列公证事项：……（七）出生、生存、死亡、身份、经历、学历、学位、职务、职称、有无违法犯罪记录；（八）亲属关系……",
        legal_basis_impl=f"{_GZGZ}：公证机构经审查，认为申请提供的证明材料真实、合法、充分，申请公证的事项真实、合法的，应当自受理公证申请之日起十五个工作日内向当事人出具公证书。",
        legal_limit=15, promised_limit=5,
        acceptance_conditions="（一）申请人与申请公证的事项有利害关系；\n（二）申请人户籍或者经常居住地在本县，或者亲属关系发生地在本县。",
        materials=[
            _m("公证申请表", notes="当事人现场签字"),
            _id(),
            _m("居民户口簿", source="government"),
            _m("证明亲属关系的材料", notes="户籍档案、人事档案、村（居）委会证明等"),
            *_agent(),
        ],
        steps=_steps(("受理", "w", 0), ("审查核实", "a", 3), ("审批出证", "c", 1), ("发证", "w", 1)),
        fees=[_fee("公证服务费（证明亲属关系）", "按四川省公证服务收费标准执行，每件100元", _GZ_FEE, reducible=True)],
        supports_online_payment=True, online_depth=3, anywhere_scope="无",
        result_name="公证书", audience="person", themes=["shs"],
    ),
    _item(
        basic_code="002014301002", name="继承公证", department="QCGZC",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《中华人民共和国公证法》第十一条第一款第（四）项：继承；《中华人民共和国民法典》继承编。",
        legal_basis_impl=f"{_GZGZ}：因不可抗力、补充证明材料或者需要核实有关情况的，所需时间不计入十五个工作日的期限内；《办理继承公证的指导意见》（中国公证协会）。",
        legal_limit=15, promised_limit=10,
        acceptance_conditions="（一）被继承人已经死亡，遗产范围明确；\n（二）全体继承人到场或者委托代理人到场；\n（三）不动产所在地或者被继承人住所地在本县。",
        materials=[
            _m("公证申请表"),
            _id("全体继承人"),
            _m("被继承人死亡证明", source="government"),
            _m("继承人与被继承人亲属关系证明"),
            _m("遗产权属证明", notes="不动产权证书、存款凭证等"),
            _m("遗嘱", necessity="conditional", condition="有遗嘱的"),
            _m("放弃继承权声明书", necessity="conditional", condition="有继承人放弃继承的"),
        ],
        steps=_steps(("受理", "w", 0), ("调查核实", "a", 6), ("审批出证", "c", 2), ("发证", "w", 1)),
        special_procedures=[_sp("继承公告", "30日", _GZGZ)],
        fees=[_fee("继承公证费", "按继承标的额分段累进计收，具体执行四川省公证服务收费标准", _GZ_FEE, reducible=True)],
        supports_online_payment=True, online_depth=2, handling_form="窗口办理", result_name="继承公证书",
        audience="person", themes=["shs", "gfzy"],
    ),
    _item(
        basic_code="002014301003", name="委托公证", department="QCGZC",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《中华人民共和国公证法》第十一条第一款第（十）项：声明；委托等。",
        legal_basis_impl=f"{_GZGZ}。",
        legal_limit=15, promised_limit=0, promised_limit_note="材料齐全、事实清楚的，当日出具公证书",
        acceptance_conditions="（一）委托人具有完全民事行为能力；\n（二）委托事项合法，委托人本人到场。",
        materials=[
            _m("公证申请表"),
            _id("委托人"),
            _m("委托书", notes="可由公证处代拟"),
            _m("委托事项相关证明材料", notes="如委托办理房产过户的，提交不动产权证书", source="government"),
        ],
        steps=_now(),
        fees=[_fee("委托公证费", "按四川省公证服务收费标准执行，每件200元", _GZ_FEE, reducible=True)],
        supports_online_payment=True, visits_required=1, online_depth=3, result_name="委托公证书",
        audience="person", themes=["gfzy"],
    ),
]

# ---------------------------------------------------------------- 司法局
ITEMS += [
    _item(
        basic_code="000510501001", name="法律援助申请", department="QCSFJ",
        item_type="行政给付", case_type="承诺件",
        legal_basis_set="《中华人民共和国法律援助法》第三十一条：下列事项的当事人，因经济困难没有委托代理人的，可以向法律援助机构申请法律援助：……（六）请求支付劳动报酬……",
        legal_basis_impl="《中华人民共和国法律援助法》第四十三条：法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定。",
        legal_limit=7, legal_limit_unit="natural_days", promised_limit=3, promised_limit_unit="natural_days",
        promised_limit_note="农民工请求支付劳动报酬、工伤赔偿的，免予经济困难审查，当场受理、当日指派",
        acceptance_conditions="（一）属于《中华人民共和国法律援助法》规定的法律援助事项范围；\n（二）因经济困难没有委托代理人（部分事项免予核查经济困难状况）。",
        materials=[
            _m("法律援助申请表"),
            _id(),
            _m("经济困难状况说明表", commit=True, notes="个人诚信承诺，法律援助机构可核查"),
            _m("与所申请法律援助事项有关的材料"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 1), ("决定指派", "c", 1)),
        online_depth=3, anywhere_scope="全市通办", result_type="其他", result_name="给予法律援助决定书",
        audience="person", themes=["shjz", "jycy"],
    ),
    _item(
        basic_code="002010502001", name="人民调解申请", department="QCSFJ",
        item_type="公共服务", case_type="承诺件",
        legal_basis_set="《中华人民共和国人民调解法》第十七条：当事人可以向人民调解委员会申请调解；人民调解委员会也可以主动调解。",
        legal_basis_impl="《人民调解工作若干规定》：人民调解委员会调解纠纷，一般在一个月内调结。",
        legal_limit=30, legal_limit_unit="natural_days", promised_limit=20, promised_limit_unit="natural_days",
        acceptance_conditions="（一）属于公民与公民之间、公民与法人和其他组织之间涉及民事权利义务争议的各种纠纷；\n"
                              "（二）当事人自愿申请调解，且未经法院、仲裁机构受理。",
        materials=[_m("人民调解申请书"), _id(), _m("与纠纷有关的证据材料", necessity="optional")],
        steps=_steps(("受理", "w", 0), ("调解", "a", 10), ("制作协议书", "c", 2)),
        online_depth=3, anywhere_scope="无", result_type="其他", result_name="人民调解协议书",
        audience="person", themes=[],
    ),
]

# ---------------------------------------------------------------- 财政局
ITEMS += [
    _item(
        basic_code="000110701001", name="代理记账机构审批", department="QCCZJ",
        item_type="行政许可", case_type="承诺件",
        legal_basis_set="《中华人民共和国会计法》第三十六条：各单位应当根据会计业务的需要，依法采取下列一种方式组织本单位的会计工作：……（三）委托经批准设立从事会计代理记账业务的中介机构代理记账。",
        legal_basis_impl="《代理记账管理办法》（财政部令第98号，2019年修改）：审批机关应当自受理申请之日起10日内作出批准或者不予批准的决定；10日内不能作出决定的，"
                         "经本审批机关负责人批准可延长10日。",
        legal_limit=10, promised_limit=5,
        acceptance_conditions="（一）为依法设立的企业；\n（二）专职从业人员不少于3名；\n（三）主管代理记账业务的负责人具有会计师以上专业技术职务资格或者从事会计工作不少于三年，且为专职从业人员；\n"
                              "（四）有健全的代理记账业务内部规范。",
        materials=[
            _m("代理记账机构设立申请书", form="electronic", notes="通过全国代理记账机构管理系统在线提交"),
            _licence(),
            _m("专职从业人员在本机构专职从业的书面承诺", commit=True),
            _m("主管代理记账业务负责人的会计师以上专业技术职务资格证明或者从事会计工作不少于三年的书面承诺", commit=True),
            _m("代理记账业务内部规范"),
        ],
        steps=_steps(("受理", "w", 0), ("审查", "a", 3), ("决定", "c", 1), ("发证", "w", 1)),
        visits_required=0, online_depth=4, handling_form="网上办理（全国代理记账机构管理系统）",
        result_name="代理记账许可证书", audience="enterprise", themes=["kbqy"],
    ),
    _item(
        basic_code="002010702001", name="惠民惠农财政补贴资金“一卡通”发放查询", department="QCCZJ",
        item_type="公共服务", case_type="即办件",
        legal_basis_set="《财政部 农业农村部等关于进一步加强惠民惠农财政补贴资金“一卡通”管理的指导意见》（财农〔2019〕96号）。",
        legal_basis_impl="《四川省惠民惠农财政补贴资金“一卡通”管理办法》：补贴对象可通过政务服务窗口、“天府通办”查询本人补贴发放情况。",
        legal_limit=0, promised_limit=0,
        acceptance_conditions="查询人为补贴对象本人或者其委托人。",
        materials=[_id("查询人"), *_agent()],
        steps=_now(), visits_required=0, online_depth=4, anywhere_scope="全县通办",
        handling_form="窗口办理、网上办理（天府通办）、乡镇便民服务中心", result_type="其他", result_name="补贴发放明细",
        audience="person", themes=["shjz", "nyjy"],
    ),
]
