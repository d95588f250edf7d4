"""主题式服务（生命周期 / 企业全周期“一件事”）分类。audience 为 person（个人）或 enterprise（法人）。"""

THEMES = [
    {"code": "kbqy", "name": "开办企业", "audience": "enterprise"},
    {"code": "kft", "name": "开饭店", "audience": "enterprise"},
    {"code": "kbld", "name": "开便利店", "audience": "enterprise"},
    {"code": "gcjs", "name": "工程建设", "audience": "enterprise"},
    {"code": "dlys", "name": "道路运输", "audience": "enterprise"},
    {"code": "nyjy", "name": "农业生产经营", "audience": "enterprise"},
    {"code": "qyzx", "name": "企业注销", "audience": "enterprise"},
    {"code": "cssy", "name": "出生", "audience": "person"},
    {"code": "jh", "name": "结婚", "audience": "person"},
    {"code": "jycy", "name": "就业创业", "audience": "person"},
    {"code": "txyl", "name": "退休养老", "audience": "person"},
    {"code": "gfzy", "name": "购房置业", "audience": "person"},
    {"code": "shjz", "name": "社会救助", "audience": "person"},
    {"code": "jy", "name": "教育", "audience": "person"},
    {"code": "jtcx", "name": "交通出行", "audience": "person"},
    {"code": "yl", "name": "医疗", "audience": "person"},
    {"code": "cjrfw", "name": "残疾人服务", "audience": "person"},
    {"code": "shs", "name": "身后事", "audience": "person"},
    {"code": "hj", "name": "户籍", "audience": "person"},
    {"code": "tyjr", "name": "退役军人", "audience": "person"},
]
